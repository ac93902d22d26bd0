package dev.assay.core.thresholds;

import dev.assay.core.error.Choices;
import java.util.Locale;

/**
 * A metric of one operating point, from its (weighted) counts tp, fp, fn, tn with P = tp + fn and
 * N = fp + tn. Undefined values are NaN and never chosen as optima.
 * <ul>
 * <li>precision = tp / (tp + fp), NaN when nothing is predicted positive;
 * <li>recall (true positive rate) = tp / P; fpr = fp / N; specificity = tn / N;
 * <li>f_beta = (1 + b²) tp / ((1 + b²) tp + b² fn + fp), 0 when the denominator is 0 (f1: b = 1);
 * <li>accuracy = (tp + tn) / (P + N); balanced_accuracy = (recall + specificity) / 2;
 * <li>youden_j = recall - fpr;
 * <li>mcc = (tp tn - fp fn) / sqrt((tp + fp)(tp + fn)(tn + fp)(tn + fn)), 0 when the denominator is 0.
 * </ul>
 * Reference: scikit-learn 1.2.1's precision_score, recall_score, fbeta_score (zero_division=0),
 * accuracy_score, balanced_accuracy_score, matthews_corrcoef and roc_curve at the same threshold, to 1e-12.
 */
public enum ThresholdMetric {
    PRECISION(true),
    RECALL(true),
    FPR(false),
    SPECIFICITY(true),
    F1(true),
    F_BETA(true),
    ACCURACY(true),
    BALANCED_ACCURACY(true),
    YOUDEN_J(true),
    MCC(true);

    private final boolean higherIsBetter;

    ThresholdMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric's id, e.g. {@code balanced_accuracy}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether larger values are better (all but fpr). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric named {@code id} (also {@code tpr} for recall); an error listing the choices otherwise. */
    public static ThresholdMetric parse(String id, String what) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        if (s.equals("tpr") || s.equals("sensitivity")) {
            return RECALL;
        }
        if (s.equals("tnr")) {
            return SPECIFICITY;
        }
        return Choices.parse(ThresholdMetric.class, s, what);
    }

    /** The metric at point {@code i} of {@code points} ({@code -1}: nothing predicted positive); {@code beta} for f_beta. */
    public double at(OperatingPoints points, int i, double beta) {
        return value(points.truePositives(i), points.falsePositives(i), points.falseNegatives(i), points.trueNegatives(i), beta);
    }

    /** The metric of counts tp, fp, fn, tn; {@code beta} for f_beta. */
    public double value(double tp, double fp, double fn, double tn, double beta) {
        return switch (this) {
            case PRECISION -> tp + fp > 0 ? tp / (tp + fp) : Double.NaN;
            case RECALL -> ratio(tp, tp + fn);
            case FPR -> ratio(fp, fp + tn);
            case SPECIFICITY -> ratio(tn, fp + tn);
            case F1 -> fBeta(tp, fp, fn, 1);
            case F_BETA -> fBeta(tp, fp, fn, beta);
            case ACCURACY -> ratio(tp + tn, tp + fp + fn + tn);
            case BALANCED_ACCURACY -> (ratio(tp, tp + fn) + ratio(tn, fp + tn)) / 2;
            case YOUDEN_J -> ratio(tp, tp + fn) - ratio(fp, fp + tn);
            case MCC -> mcc(tp, fp, fn, tn);
        };
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private static double fBeta(double tp, double fp, double fn, double beta) {
        double b2 = beta * beta;
        double denominator = (1 + b2) * tp + b2 * fn + fp;
        return denominator > 0 ? (1 + b2) * tp / denominator : 0;
    }

    private static double mcc(double tp, double fp, double fn, double tn) {
        double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return denominator > 0 ? (tp * tn - fp * fn) / denominator : 0;
    }
}
