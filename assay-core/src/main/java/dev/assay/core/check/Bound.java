package dev.assay.core.check;

/** Which number of a measurement a condition reads: the value, or a bound of its confidence interval. */
public enum Bound {
    /** The value itself: {@code recall}. */
    VALUE(""),
    /** The lower bound of the confidence interval: {@code recall.lower}. */
    LOWER(".lower"),
    /** The upper bound of the confidence interval: {@code recall.upper}. */
    UPPER(".upper");

    private final String suffix;

    Bound(String suffix) {
        this.suffix = suffix;
    }

    /** How the bound is written after a measurement: {@code ""}, {@code ".lower"} or {@code ".upper"}. */
    public String suffix() {
        return suffix;
    }
}
