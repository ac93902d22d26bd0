package dev.assay.core.drift;

import java.util.Locale;

/**
 * How one column's drift is measured. Tests ({@link #hasPValue()}) flag drift when the p-value,
 * Benjamini-Hochberg adjusted across columns by default, is below the threshold; distances flag it
 * when the distance reaches the threshold. Methods for numbers only ({@link #numericOnly()}) give way
 * on category columns to {@link #CHI2} (tests) or {@link #JENSEN_SHANNON} (distances), named in the
 * result.
 */
public enum DriftMethod {
    /** Two-sample Kolmogorov-Smirnov ({@link KolmogorovSmirnov}); threshold: significance level. */
    KS("ks", true, true, 0.05),
    /** Pearson's chi-square test of homogeneity on the 2 x k table of counts ({@link ChiSquareHomogeneity}). */
    CHI2("chi2", true, false, 0.05),
    /** Two-sample Cramér-von Mises ({@link CramerVonMises}). */
    CRAMER_VON_MISES("cramer_von_mises", true, true, 0.05),
    /** Population stability index over reference-quantile bins ({@link HistogramDistances#psi}). */
    PSI("psi", false, false, 0.1),
    /** Wasserstein distance in reference standard deviations ({@link Wasserstein#normalised}). */
    WASSERSTEIN("wasserstein", false, true, 0.1),
    /** Jensen-Shannon distance, natural logarithm ({@link HistogramDistances#jensenShannon}). */
    JENSEN_SHANNON("jensen_shannon", false, false, 0.1),
    /** Hellinger distance ({@link HistogramDistances#hellinger}). */
    HELLINGER("hellinger", false, false, 0.1);

    private final String id;
    private final boolean pValue;
    private final boolean numericOnly;
    private final double defaultThreshold;

    DriftMethod(String id, boolean pValue, boolean numericOnly, double defaultThreshold) {
        this.id = id;
        this.pValue = pValue;
        this.numericOnly = numericOnly;
        this.defaultThreshold = defaultThreshold;
    }

    /** The name in suites, the CLI and the output. */
    public String id() {
        return id;
    }

    /** Whether the method is a test with a p-value (else a distance). */
    public boolean hasPValue() {
        return pValue;
    }

    /** Whether the method needs numbers. */
    public boolean numericOnly() {
        return numericOnly;
    }

    /** The threshold when none is set: the significance level of a test, the distance that is drift. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** The method used on a column of categories when this one was asked for. */
    DriftMethod forCategories() {
        if (!numericOnly) {
            return this;
        }
        return pValue ? CHI2 : JENSEN_SHANNON;
    }

    /** The method for {@code id} ({@code chi2}, {@code jensen_shannon}...), or null when unknown. */
    public static DriftMethod byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (DriftMethod m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        return null;
    }
}
