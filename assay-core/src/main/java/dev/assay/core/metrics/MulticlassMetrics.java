package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLosses;
import java.util.ArrayList;
import java.util.List;

/**
 * Classification metrics over a k×k {@link ConfusionMatrix} ({@code count(t, p)}: true class t,
 * predicted class p, weighted), for any number of classes; binary evaluation uses the label-free
 * ones (accuracy, balanced accuracy, MCC, Cohen's kappa) too. The classes are those of the matrix:
 * the union of true and predicted classes, as scikit-learn's {@code unique_labels}.
 */
public final class MulticlassMetrics {
    private MulticlassMetrics() {
    }

    /** How per-class values are combined. */
    public enum Average {
        /** Unweighted mean over classes. */
        MACRO,
        /** Counts pooled over classes before dividing. */
        MICRO,
        /** Mean weighted by each class's support (true count). */
        WEIGHTED;

        String suffix() {
            return "_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Accuracy {@code Σ_c C[c][c] / Σ C}; higher is better; range [0, 1]. Edge cases: zero total
     * weight → undefined. Reference: {@code accuracy_score(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue accuracy(ConfusionMatrix m) {
        double total = m.total();
        if (!(total > 0)) {
            return MetricValue.undefined("accuracy", "accuracy needs rows with positive weight.");
        }
        return MetricValue.of("accuracy", m.trace() / total);
    }

    /**
     * Balanced accuracy: the mean recall {@code C[c][c] / Σ_p C[c][p]} over the classes present in
     * the label; higher is better; range [0, 1]. Edge cases: classes only predicted are left out,
     * with a warning; no rows → undefined. Reference: {@code balanced_accuracy_score(y, y_pred,
     * sample_weight=w)}, 1e-9.
     */
    public static MetricValue balancedAccuracy(ConfusionMatrix m, List<String> classes) {
        double sum = 0;
        int present = 0;
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < m.classes(); c++) {
            double support = m.trueTotal(c);
            if (support == 0) {
                absent.add("'" + Excerpt.of(classes.get(c)) + "'");
                continue;
            }
            sum += m.count(c, c) / support;
            present++;
        }
        if (present == 0) {
            return MetricValue.undefined("balanced_accuracy", "balanced_accuracy needs rows with positive weight.");
        }
        List<String> warnings = absent.isEmpty() ? List.of()
                : List.of("balanced_accuracy leaves out " + String.join(", ", absent)
                        + ": predicted but absent from the label.");
        return new MetricValue("balanced_accuracy", sum / present, null, warnings);
    }

    /**
     * Matthews correlation coefficient {@code (c·s - Σ p_k t_k) / sqrt((s² - Σ p_k²)(s² - Σ t_k²))}
     * with c the correct weight, s the total, t_k and p_k the true and predicted totals of class k
     * (for two classes: {@code (TP·TN - FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN))}); higher is
     * better; range [-1, 1]. Edge cases: a zero factor under the root (one class in the label or in
     * the predictions) → 0, as scikit-learn, with a warning. Reference: {@code
     * matthews_corrcoef(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue mcc(ConfusionMatrix m) {
        int k = m.classes();
        double s = m.total();
        double correct = m.trace();
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int c = 0; c < k; c++) {
            double t = m.trueTotal(c);
            double p = m.predictedTotal(c);
            tp += t * p;
            pp += p * p;
            tt += t * t;
        }
        double covYtYp = correct * s - tp;
        double covYpYp = s * s - pp;
        double covYtYt = s * s - tt;
        if (covYpYp * covYtYt == 0) {
            return new MetricValue("mcc", 0, null, List.of(
                    "mcc is 0 by convention: the label or the predictions hold a single class."));
        }
        return MetricValue.of("mcc", covYtYp / Math.sqrt(covYtYt * covYpYp));
    }

    /**
     * Cohen's kappa {@code 1 - Σ_{t≠p} C[t][p] / Σ_{t≠p} E[t][p]} with {@code E = outer(row totals,
     * column totals) / Σ C} the agreement expected by chance; higher is better; range [-1, 1].
     * Edge cases: chance agreement of 1 (every row and prediction in one class) → undefined.
     * Reference: {@code cohen_kappa_score(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue cohenKappa(ConfusionMatrix m) {
        int k = m.classes();
        double s = m.total();
        double observed = 0;
        double expected = 0;
        for (int t = 0; t < k; t++) {
            double rt = m.trueTotal(t);
            for (int p = 0; p < k; p++) {
                if (t != p) {
                    observed += m.count(t, p);
                    expected += rt * m.predictedTotal(p) / s;
                }
            }
        }
        if (!(expected != 0)) {
            return MetricValue.undefined("cohen_kappa",
                    "cohen_kappa is undefined: the label and the predictions hold one and the same class, so chance agreement is perfect.");
        }
        return MetricValue.of("cohen_kappa", 1 - observed / expected);
    }

    /** Per-class precision, recall, F1 and support, in class order; the zero-division policy applies per class. */
    public record ClassReport(String label, double precision, double recall, double f1, double support) {
    }

    /** The per-class report, as scikit-learn's {@code classification_report}. */
    public static List<ClassReport> report(ConfusionMatrix m, List<String> classes, ZeroDivision zd) {
        double zv = Ratios.zeroDivisionValue(zd);
        List<ClassReport> out = new ArrayList<>();
        for (int c = 0; c < m.classes(); c++) {
            double tp = m.count(c, c);
            double predicted = m.predictedTotal(c);
            double support = m.trueTotal(c);
            double fDen = 2 * tp + (support - tp) + (predicted - tp);
            out.add(new ClassReport(classes.get(c),
                    predicted == 0 ? zv : tp / predicted,
                    support == 0 ? zv : tp / support,
                    fDen == 0 ? zv : 2 * tp / fDen,
                    support));
        }
        return out;
    }

    /**
     * Averaged precision ({@code precision_macro}, {@code _micro}, {@code _weighted}): per class
     * {@code C[c][c] / Σ_t C[t][c]}; macro: unweighted mean; micro: {@code Σ_c C[c][c] / Σ C};
     * weighted: mean weighted by support. Higher is better; range [0, 1]. Edge cases: a class never
     * predicted → its precision follows the zero-division policy (with NAN it is left out of the
     * mean; undefined if every class is NaN). Reference: {@code precision_score(y, y_pred,
     * average=…, sample_weight=w)}, 1e-9.
     */
    public static MetricValue precision(ConfusionMatrix m, List<String> classes, Average average, ZeroDivision zd) {
        return averaged("precision", Kind.PRECISION, m, classes, average, zd);
    }

    /**
     * Averaged recall ({@code recall_macro}, ...): per class {@code C[c][c] / Σ_p C[c][p]}; averaged as
     * {@link #precision}. Edge cases: a class only predicted (support 0) → its recall follows the
     * zero-division policy. Reference: {@code recall_score(y, y_pred, average=…, sample_weight=w)}, 1e-9.
     */
    public static MetricValue recall(ConfusionMatrix m, List<String> classes, Average average, ZeroDivision zd) {
        return averaged("recall", Kind.RECALL, m, classes, average, zd);
    }

    /**
     * Averaged F1 ({@code f1_macro}, ...): per class {@code 2TP / (2TP + FP + FN)}; averaged as
     * {@link #precision} (micro pools TP, FP, FN first). Edge cases: a class neither present nor
     * predicted cannot occur (classes are the union); a zero denominator follows the policy.
     * Reference: {@code f1_score(y, y_pred, average=…, sample_weight=w)}, 1e-9.
     */
    public static MetricValue f1(ConfusionMatrix m, List<String> classes, Average average, ZeroDivision zd) {
        return averaged("f1", Kind.F1, m, classes, average, zd);
    }

    private enum Kind {
        PRECISION, RECALL, F1
    }

    private static MetricValue averaged(String name, Kind kind, ConfusionMatrix m, List<String> classes,
            Average average, ZeroDivision zd) {
        String id = name + average.suffix();
        int k = m.classes();
        double total = m.total();
        if (!(total > 0)) {
            return MetricValue.undefined(id, id + " needs rows with positive weight.");
        }
        if (average == Average.MICRO) {
            double correct = m.trace();
            double denominator = kind == Kind.F1 ? 2 * correct + 2 * (total - correct) : total;
            double numerator = kind == Kind.F1 ? 2 * correct : correct;
            return Ratios.divide(id, numerator, denominator, zd, "no rows");
        }
        double zv = Ratios.zeroDivisionValue(zd);
        List<String> illDefined = new ArrayList<>();
        double sum = 0;
        double weightSum = 0;
        for (int c = 0; c < k; c++) {
            double tp = m.count(c, c);
            double predicted = m.predictedTotal(c);
            double support = m.trueTotal(c);
            double numerator;
            double denominator;
            switch (kind) {
                case PRECISION -> {
                    numerator = tp;
                    denominator = predicted;
                }
                case RECALL -> {
                    numerator = tp;
                    denominator = support;
                }
                default -> {
                    numerator = 2 * tp;
                    denominator = 2 * tp + (support - tp) + (predicted - tp);
                }
            }
            double value;
            if (denominator == 0) {
                illDefined.add("'" + Excerpt.of(classes.get(c)) + "'");
                value = zv;
            } else {
                value = numerator / denominator;
            }
            double w = average == Average.WEIGHTED ? support : 1;
            if (!Double.isNaN(value)) {
                sum += w * value;
                weightSum += w;
            }
        }
        if (!(weightSum > 0)) {
            return MetricValue.undefined(id, id + " is undefined: no class has a defined " + name
                    + (average == Average.WEIGHTED ? " and positive support." : "."));
        }
        List<String> warnings = illDefined.isEmpty() || zd != ZeroDivision.WARN ? List.of()
                : List.of(name + " is ill-defined for " + String.join(", ", illDefined) + " ("
                        + (kind == Kind.PRECISION ? "never predicted" : kind == Kind.RECALL ? "absent from the label"
                                : "neither present nor predicted")
                        + ") and counted as 0; set zero_division to choose 0, 1 or NaN explicitly.");
        return new MetricValue(id, sum / weightSum, null, warnings);
    }

    /**
     * One-vs-rest ROC AUC averaged over classes with equal weight: for each class c, the binary ROC
     * AUC of (label == c) against the probability of c; higher is better; range [0, 1]. Edge cases
     * (checked by the caller): every class must occur in the label and have a probability column,
     * and probabilities must sum to 1 per row. Reference: {@code roc_auc_score(y, proba,
     * multi_class="ovr", average="macro", labels=classes, sample_weight=w)}, 1e-9.
     */
    public static MetricValue rocAucOvr(List<MulticlassStatistics.ClassRanking> perClass) {
        double sum = 0;
        for (MulticlassStatistics.ClassRanking c : perClass) {
            double auc = c.rocAuc();
            if (Double.isNaN(auc)) {
                return MetricValue.undefined("roc_auc_ovr", "roc_auc_ovr needs every class in the label and at least one other class.");
            }
            sum += auc;
        }
        return MetricValue.of("roc_auc_ovr", sum / perClass.size());
    }

    /**
     * One-vs-rest average precision {@code Σ_k a_k AP_k / Σ_k a_k}, where {@code AP_k} is the average
     * precision of class k's probability against the rest (see {@link BinaryMetrics#averagePrecision})
     * and {@code a_k} is 1 ({@code macro}) or the (weighted) support of class k ({@code weighted});
     * higher is better; range [0, 1]. Edge cases: a class without rows → undefined. Reference:
     * {@code average_precision_score(label_binarize(y, classes=classes), proba, average=...,
     * sample_weight=w)} (scikit-learn 1.2.1), 1e-9.
     *
     * @param weighted whether to weight each class by its support (else equal weights)
     */
    public static MetricValue averagePrecisionOvr(List<MulticlassStatistics.ClassRanking> perClass, boolean weighted) {
        String id = weighted ? "average_precision_weighted" : "average_precision_macro";
        double sum = 0;
        double total = 0;
        for (MulticlassStatistics.ClassRanking c : perClass) {
            double ap = c.averagePrecision();
            if (Double.isNaN(ap)) {
                return MetricValue.undefined(id, id + " needs rows of every class in the label.");
            }
            double a = weighted ? c.positives() : 1;
            sum += a * ap;
            total += a;
        }
        return MetricValue.of(id, sum / total);
    }

    /**
     * Multiclass log loss {@code -Σ w ln(p̃_true) / Σ w}, where each probability is clipped to [ε,
     * 1-ε] (ε = 2.22e-16) and each row divided by its sum; lower is better; range [0, ∞). Edge
     * cases: zero total weight → undefined. Reference: {@code log_loss(y, proba, labels=classes,
     * sample_weight=w)} (scikit-learn 1.2.1), 1e-9.
     */
    public static MetricValue logLoss(ProbabilityLosses l) {
        if (!(l.weight() > 0)) {
            return MetricValue.undefined("log_loss", "log_loss needs rows with positive weight.");
        }
        return MetricValue.of("log_loss", l.logLoss() / l.weight());
    }
}
