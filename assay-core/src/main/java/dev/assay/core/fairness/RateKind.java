package dev.assay.core.fairness;

/**
 * The rates of a binary confusion matrix that fairness measures compare across groups. With TP, FP,
 * FN, TN the counts of a group and n their sum:
 *
 * <pre>
 *   selection_rate = (TP + FP) / n        base_rate = (TP + FN) / n     accuracy = (TP + TN) / n
 *   tpr = TP / (TP + FN)   fnr = FN / (TP + FN)   fpr = FP / (FP + TN)   tnr = TN / (FP + TN)
 *   ppv = TP / (TP + FP)   npv = TN / (TN + FN)
 * </pre>
 *
 * <p>Reference: Fairlearn's {@code selection_rate}, {@code true_positive_rate}, {@code false_positive_rate},
 * {@code true_negative_rate}, {@code false_negative_rate} ({@code fairlearn/metrics/_base_metrics.py}),
 * scikit-learn's {@code precision_score} for PPV and AIF360's {@code ClassificationMetric.performance_measures}.
 */
public enum RateKind {
    /** Share of rows predicted positive (demographic parity). */
    SELECTION_RATE("selection_rate", "the group has no rows"),
    /** Share of rows labelled positive. */
    BASE_RATE("base_rate", "the group has no rows"),
    /** Share of rows predicted correctly. */
    ACCURACY("accuracy", "the group has no rows"),
    /** Recall: share of actual positives predicted positive (equal opportunity). */
    TPR("true_positive_rate", "the group has no actual positives (TP + FN = 0)"),
    /** Share of actual negatives predicted positive. */
    FPR("false_positive_rate", "the group has no actual negatives (FP + TN = 0)"),
    /** Share of actual negatives predicted negative. */
    TNR("true_negative_rate", "the group has no actual negatives (FP + TN = 0)"),
    /** Share of actual positives predicted negative. */
    FNR("false_negative_rate", "the group has no actual positives (TP + FN = 0)"),
    /** Precision: share of predicted positives that are positive (predictive parity). */
    PPV("positive_predictive_value", "nothing in the group is predicted positive (TP + FP = 0)"),
    /** Share of predicted negatives that are negative. */
    NPV("negative_predictive_value", "nothing in the group is predicted negative (TN + FN = 0)");

    private final String id;
    private final String whenZero;

    RateKind(String id, String whenZero) {
        this.id = id;
        this.whenZero = whenZero;
    }

    /** The rate's id, e.g. {@code true_positive_rate}. */
    public String id() {
        return id;
    }

    /** The rate from the counts of one group. */
    public Rate of(long tp, long fp, long fn, long tn) {
        long n = tp + fp + fn + tn;
        switch (this) {
            case SELECTION_RATE:
                return Rate.of(tp + fp, n, whenZero);
            case BASE_RATE:
                return Rate.of(tp + fn, n, whenZero);
            case ACCURACY:
                return Rate.of(tp + tn, n, whenZero);
            case TPR:
                return Rate.of(tp, tp + fn, whenZero);
            case FPR:
                return Rate.of(fp, fp + tn, whenZero);
            case TNR:
                return Rate.of(tn, fp + tn, whenZero);
            case FNR:
                return Rate.of(fn, tp + fn, whenZero);
            case PPV:
                return Rate.of(tp, tp + fp, whenZero);
            case NPV:
                return Rate.of(tn, tn + fn, whenZero);
            default:
                throw new AssertionError(this);
        }
    }
}
