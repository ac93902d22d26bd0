package dev.assay.core.uncertainty;

/** How a confidence interval is computed. */
public enum IntervalMethod {
    /** Bootstrap, bias-corrected and accelerated (Efron 1987), acceleration from the jackknife. */
    BCA("bca", "bootstrap-bca"),
    /** Bootstrap percentile interval. */
    PERCENTILE("percentile", "bootstrap-percentile"),
    /** Wilson score interval of a proportion of counts (accuracy, precision, recall, ...). */
    WILSON("wilson", "wilson");

    private final String id;
    private final String label;

    IntervalMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name written in suite files and on the command line: {@code bca}, {@code percentile}, {@code wilson}. */
    public String id() {
        return id;
    }

    /** The name recorded in an {@link dev.assay.core.result.Interval}: {@code bootstrap-bca}, ... */
    public String label() {
        return label;
    }

    /** Whether the method resamples the rows. */
    public boolean resamples() {
        return this != WILSON;
    }
}
