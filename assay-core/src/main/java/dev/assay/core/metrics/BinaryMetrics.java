package dev.assay.core.metrics;

import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLosses;
import dev.assay.core.stats.RankingCurve;

/**
 * Binary classification metrics as pure functions of sufficient statistics. In the 2×2
 * {@link ConfusionMatrix}, class 1 is the positive class and class 0 the negative one, so
 * TN = count(0,0), FP = count(0,1), FN = count(1,0), TP = count(1,1) (weighted counts when rows
 * carry weights). Every result is a {@link MetricValue} named by its catalogue id.
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    private static double tp(ConfusionMatrix m) {
        return m.count(1, 1);
    }

    private static double fp(ConfusionMatrix m) {
        return m.count(0, 1);
    }

    private static double tn(ConfusionMatrix m) {
        return m.count(0, 0);
    }

    private static double fn(ConfusionMatrix m) {
        return m.count(1, 0);
    }

    /**
     * Precision {@code TP / (TP + FP)}; higher is better; range [0, 1]. Edge cases: no predicted
     * positive → the zero-division policy. Reference: {@code precision_score(y, y_pred,
     * pos_label=positive, sample_weight=w)}, 1e-9.
     */
    public static MetricValue precision(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("precision", tp(m), tp(m) + fp(m), zd, "no row was predicted positive");
    }

    /**
     * Recall (sensitivity, TPR) {@code TP / (TP + FN)}; higher is better; range [0, 1]. Edge cases:
     * no positive row → the zero-division policy. Reference: {@code recall_score(y, y_pred,
     * pos_label=positive, sample_weight=w)}, 1e-9.
     */
    public static MetricValue recall(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("recall", tp(m), tp(m) + fn(m), zd, "the label holds no positive row");
    }

    /**
     * F-beta {@code (1+β²)TP / ((1+β²)TP + β²FN + FP)}, the weighted harmonic mean of precision and
     * recall; higher is better; range [0, 1]. Edge cases: TP + FN + FP = 0 (no positive row and none
     * predicted) → the zero-division policy; if only precision or only recall is ill-defined the
     * value is 0, as in scikit-learn 1.2.1. Reference: {@code fbeta_score(y, y_pred, beta=β,
     * pos_label=positive, sample_weight=w)} ({@code f1_score} for β = 1), 1e-9.
     *
     * @param id the metric id to report ({@code f1}, {@code f0.5}, {@code f2})
     */
    public static MetricValue fBeta(String id, double beta, ConfusionMatrix m, ZeroDivision zd) {
        double b2 = beta * beta;
        return Ratios.divide(id, (1 + b2) * tp(m), (1 + b2) * tp(m) + b2 * fn(m) + fp(m), zd,
                "no row is positive and none was predicted positive");
    }

    /**
     * Specificity (TNR) {@code TN / (TN + FP)}; higher is better; range [0, 1]. Edge cases: no
     * negative row → the zero-division policy. Reference: {@code recall_score(y, y_pred,
     * pos_label=negative, sample_weight=w)}, 1e-9.
     */
    public static MetricValue specificity(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("specificity", tn(m), tn(m) + fp(m), zd, "the label holds no negative row");
    }

    /**
     * Negative predictive value {@code TN / (TN + FN)}; higher is better; range [0, 1]. Edge cases:
     * no predicted negative → the zero-division policy. Reference: {@code precision_score(y, y_pred,
     * pos_label=negative, sample_weight=w)}, 1e-9.
     */
    public static MetricValue npv(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("npv", tn(m), tn(m) + fn(m), zd, "no row was predicted negative");
    }

    /**
     * False positive rate {@code FP / (FP + TN)}; lower is better; range [0, 1]. Edge cases: no
     * negative row → the zero-division policy (applied to the rate itself). Reference: {@code fp /
     * (fp + tn)} from {@code confusion_matrix(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue fpr(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("fpr", fp(m), fp(m) + tn(m), zd, "the label holds no negative row");
    }

    /**
     * False negative rate {@code FN / (FN + TP)}; lower is better; range [0, 1]. Edge cases: no
     * positive row → the zero-division policy (applied to the rate itself). Reference: {@code fn /
     * (fn + tp)} from {@code confusion_matrix(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue fnr(ConfusionMatrix m, ZeroDivision zd) {
        return Ratios.divide("fnr", fn(m), fn(m) + tp(m), zd, "the label holds no positive row");
    }

    /**
     * ROC AUC: the trapezoidal area under (FPR, TPR) over the distinct scores, so a tied
     * positive-negative pair counts one half; higher is better; range [0, 1], 0.5 for random
     * ranking. Edge cases: a label with one class → undefined. Scores need not be probabilities.
     * Reference: {@code roc_auc_score(y == positive, score, sample_weight=w)}, 1e-9.
     */
    public static MetricValue rocAuc(RankingCurve curve) {
        return rocAuc(curve.positives(), curve.negatives(), curve.positives() > 0 && curve.negatives() > 0 ? curve.rocAuc() : Double.NaN);
    }

    /** ROC AUC {@code auc} computed over the distinct scores elsewhere, undefined unless both class weights are positive. */
    static MetricValue rocAuc(double positives, double negatives, double auc) {
        if (!(positives > 0 && negatives > 0)) {
            return MetricValue.undefined("roc_auc", "roc_auc needs both classes in the label (with positive weight).");
        }
        return MetricValue.of("roc_auc", auc);
    }

    /**
     * Average precision {@code Σ_n (R_n - R_{n-1}) P_n} over the distinct scores, highest first
     * (no interpolation); higher is better; range [0, 1], the prevalence for random ranking. Edge
     * cases: a label with one class → undefined (scikit-learn returns 1 for all-positive and a
     * meaningless value for all-negative labels). Reference: {@code average_precision_score(y ==
     * positive, score, sample_weight=w)}, 1e-9.
     */
    public static MetricValue averagePrecision(RankingCurve curve) {
        return averagePrecision(curve.positives(), curve.negatives(),
                curve.positives() > 0 && curve.negatives() > 0 ? curve.averagePrecision() : Double.NaN);
    }

    /** Average precision {@code ap} computed over the distinct scores elsewhere, undefined unless both class weights are positive. */
    static MetricValue averagePrecision(double positives, double negatives, double ap) {
        if (!(positives > 0 && negatives > 0)) {
            return MetricValue.undefined("average_precision",
                    "average_precision needs both classes in the label (with positive weight).");
        }
        return MetricValue.of("average_precision", ap);
    }

    /**
     * Log loss {@code -Σ w [y ln p + (1-y) ln(1-p)] / Σ w}, with p clipped to [ε, 1-ε], ε =
     * 2.22e-16; lower is better; range [0, ∞). Edge cases: no rows or zero total weight → undefined.
     * Reference: {@code log_loss(y == positive, score, sample_weight=w)} (scikit-learn 1.2.1,
     * {@code eps="auto"}), 1e-9.
     */
    public static MetricValue logLoss(ProbabilityLosses l) {
        if (!(l.weight() > 0)) {
            return MetricValue.undefined("log_loss", "log_loss needs rows with positive weight.");
        }
        return MetricValue.of("log_loss", l.logLoss() / l.weight());
    }

    /**
     * Brier score {@code Σ w (y - p)² / Σ w}; lower is better; range [0, 1]. Edge cases: no rows or
     * zero total weight → undefined. Reference: {@code brier_score_loss(y == positive, score,
     * sample_weight=w)}, 1e-9.
     */
    public static MetricValue brierScore(ProbabilityLosses l) {
        if (!(l.weight() > 0)) {
            return MetricValue.undefined("brier_score", "brier_score needs rows with positive weight.");
        }
        return MetricValue.of("brier_score", l.brier() / l.weight());
    }
}
