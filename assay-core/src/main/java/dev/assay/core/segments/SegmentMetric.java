package dev.assay.core.segments;

import dev.assay.core.error.Choices;

/**
 * A proportion-type metric of binary predictions that a segment can be worse in: the share of
 * "successes" among the rows the metric is defined on (its denominator rows). Each is an exact
 * binomial proportion, so a slice and its complement form a 2x2 table and Fisher's exact test applies.
 *
 * <pre>
 *   accuracy     rows: all                   success: predicted == true class   higher is better
 *   recall       rows: true positives + FN   success: predicted positive        higher is better
 *   precision    rows: predicted positive    success: truly positive            higher is better
 *   specificity  rows: truly negative        success: predicted negative        higher is better
 *   npv          rows: predicted negative    success: truly negative            higher is better
 *   fpr          rows: truly negative        success: predicted positive        lower is better
 *   fnr          rows: truly positive        success: predicted negative        lower is better
 * </pre>
 */
public enum SegmentMetric {
    ACCURACY(true) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return true;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return truth == predicted;
        }
    },
    RECALL(true) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return truth;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return predicted;
        }
    },
    PRECISION(true) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return predicted;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return truth;
        }
    },
    SPECIFICITY(true) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return !truth;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return !predicted;
        }
    },
    NPV(true) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return !predicted;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return !truth;
        }
    },
    FPR(false) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return !truth;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return predicted;
        }
    },
    FNR(false) {
        @Override
        boolean counts(boolean truth, boolean predicted) {
            return truth;
        }

        @Override
        boolean success(boolean truth, boolean predicted) {
            return !predicted;
        }
    };

    private final boolean higherIsBetter;

    SegmentMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Whether a row with this true and predicted class is one of the metric's denominator rows. */
    abstract boolean counts(boolean truth, boolean predicted);

    /** Whether a denominator row counts in the numerator. */
    abstract boolean success(boolean truth, boolean predicted);

    /** Whether a higher value is better (all but fpr and fnr). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric's id as the metric catalogue spells it, e.g. {@code recall}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the denominator rows are, for messages: "rows", "positive rows", "rows predicted positive". */
    public String denominator() {
        return switch (this) {
            case ACCURACY -> "rows";
            case RECALL, FNR -> "positive rows";
            case PRECISION -> "rows predicted positive";
            case SPECIFICITY, FPR -> "negative rows";
            case NPV -> "rows predicted negative";
        };
    }

    /** The metric named {@code id} (lower case); an error listing the choices otherwise. */
    public static SegmentMetric parse(String id) {
        return Choices.parse(SegmentMetric.class, id, "the segment metric");
    }
}
