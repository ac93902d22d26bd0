package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import dev.assay.core.metrics.MulticlassStatistics.ClassRanking;
import dev.assay.core.metrics.MulticlassStatistics.Offending;
import dev.assay.core.metrics.MulticlassStatistics.Probabilities;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import dev.assay.core.stats.ProbabilityLosses;
import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The multiclass metrics from class probabilities: log_loss, roc_auc_ovr and average_precision_macro /
 * _weighted, or why each is undefined. {@link #statistics} reads the rows into
 * {@link MulticlassStatistics.Probabilities}; {@link #compute} derives the metrics from them.
 */
final class ClassProbabilityMetrics {
    private static final List<String> RANKING_IDS = List.of("roc_auc_ovr", "average_precision_macro", "average_precision_weighted");

    private ClassProbabilityMetrics() {
    }

    /**
     * The statistics of the class probabilities of rows whose class indices into {@code classes} are
     * {@code truth}: {@code probabilities[c][i]} is row i's probability of {@code probabilityClasses.get(c)}.
     */
    static Probabilities statistics(int[] truth, List<String> classes, double[][] probabilities,
            List<String> probabilityClasses, List<String> probabilityColumns, double[] weight) {
        int n = truth.length;
        int pk = probabilityClasses.size();
        int[] toProbability = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            toProbability[c] = probabilityClasses.indexOf(classes.get(c));
        }
        long firstUncovered = -1;
        boolean[] inLabel = new boolean[classes.size()];
        for (int i = 0; i < n; i++) {
            inLabel[truth[i]] = true;
            if (firstUncovered < 0 && toProbability[truth[i]] < 0) {
                firstUncovered = i;
            }
        }
        Offending outside = null;
        for (int c = 0; c < pk && outside == null; c++) {
            int r = InputChecks.firstOutsideUnit(probabilities[c]);
            if (r >= 0) {
                outside = new Offending(c, r, probabilities[c][r]);
            }
        }
        Offending badSum = null;
        for (int i = 0; i < n && badSum == null; i++) {
            double s = 0;
            for (int c = 0; c < pk; c++) {
                s += probabilities[c][i];
            }
            if (!sumsToOne(s)) {
                badSum = new Offending(-1, i, s);
            }
        }
        ProbabilityLosses losses = null;
        if (firstUncovered < 0 && outside == null) {
            ProbabilityLossAccumulator acc = new ProbabilityLossAccumulator();
            for (int i = 0; i < n; i++) {
                acc.addMulticlass(probabilities, i, toProbability[truth[i]], weight == null ? 1 : weight[i]);
            }
            losses = acc.result();
        }
        List<ClassRanking> rankings = null;
        if (firstUncovered < 0 && ranked(classes, inLabel, probabilityClasses)) {
            rankings = new ArrayList<>(pk);
            boolean[] isClass = new boolean[n];
            for (int c = 0; c < pk; c++) {
                int cls = classes.indexOf(probabilityClasses.get(c));
                for (int i = 0; i < n; i++) {
                    isClass[i] = truth[i] == cls;
                }
                ScoreSample s = new ScoreSample();
                s.addAll(isClass, probabilities[c], weight, 0, n);
                RankingCurve curve = s.result();
                rankings.add(new ClassRanking(curve.positives(), curve.rocAuc(), curve.averagePrecision()));
            }
        }
        return new Probabilities(List.copyOf(probabilityClasses), List.copyOf(probabilityColumns), firstUncovered, outside, badSum,
                losses, rankings);
    }

    /** Whether a row's probabilities summing to {@code sum} sum to 1 within {@link Evaluator#PROBABILITY_SUM_TOLERANCE}. */
    static boolean sumsToOne(double sum) {
        return Math.abs(sum - 1) <= Evaluator.PROBABILITY_SUM_TOLERANCE;
    }

    /**
     * Whether the one-vs-rest rankings are computed: two or more probability classes, each in the label
     * ({@code inLabel} per class of {@code classes}).
     */
    static boolean ranked(List<String> classes, boolean[] inLabel, List<String> probabilityClasses) {
        return probabilityClasses.size() >= 2 && absent(classes, inLabel, probabilityClasses).isEmpty();
    }

    private static List<String> absent(List<String> classes, boolean[] inLabel, List<String> probabilityClasses) {
        List<String> absent = new ArrayList<>();
        for (String p : probabilityClasses) {
            int c = classes.indexOf(p);
            if (c < 0 || !inLabel[c]) {
                absent.add(p);
            }
        }
        return absent;
    }

    /**
     * Puts log_loss, roc_auc_ovr and average precision into {@code values}, each undefined with its
     * reason when a label class has no probability column, a probability lies outside [0, 1] (log_loss),
     * or a probability class is absent from the label or a row does not sum to 1 (roc_auc_ovr; average
     * precision needs every class in the label only).
     */
    static void compute(MulticlassStatistics s, ColumnNames names, Map<String, MetricValue> values, List<String> problems) {
        Probabilities p = s.probabilities();
        List<String> classes = s.classes();
        List<String> probabilityClasses = p.classes();
        List<String> probabilityColumns = p.columns();
        boolean[] inLabel = new boolean[classes.size()];
        List<String> uncovered = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            inLabel[c] = s.labelRows()[c] > 0;
            if (inLabel[c] && !probabilityClasses.contains(classes.get(c))) {
                uncovered.add(classes.get(c));
            }
        }
        String columnsText = "columns " + InputChecks.quoted(probabilityColumns)
                + (names.source() == null ? "" : " of " + names.source());

        if (!uncovered.isEmpty()) {
            String reason = names.column(names.label(), "label") + " holds class" + (uncovered.size() == 1 ? " " : "es ")
                    + InputChecks.quoted(uncovered) + " (first in " + row(names, p.firstUncoveredRow()) + ") without a probability"
                    + " column; log_loss, roc_auc_ovr and average precision need the probability of every class in the label and are undefined."
                    + " Name a probability column for each class, or correct the label.";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
            for (String id : RANKING_IDS) {
                values.put(id, MetricValue.undefined(id, reason));
            }
            return;
        }
        Offending outside = p.outside();
        if (outside != null) {
            String reason = names.column(probabilityColumns.get(outside.column()), "probability of class '"
                    + Excerpt.of(probabilityClasses.get(outside.column())) + "'") + " holds " + outside.value()
                    + " in " + row(names, outside.row()) + ", outside [0, 1]: log_loss needs probabilities and is undefined."
                    + " Give probabilities (e.g. through a softmax).";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
        } else {
            values.put("log_loss", MulticlassMetrics.logLoss(p.losses()));
        }
        List<String> absent = absent(classes, inLabel, probabilityClasses);
        if (!absent.isEmpty() || probabilityClasses.size() < 2) {
            String reason = probabilityClasses.size() < 2 ? " needs at least two classes."
                    : " needs every class with a probability column in the label, but "
                    + InputChecks.quoted(absent) + " do" + (absent.size() == 1 ? "es" : "") + " not occur in it.";
            for (String id : RANKING_IDS) {
                values.put(id, MetricValue.undefined(id, id + reason));
            }
            return;
        }
        values.put("average_precision_macro", MulticlassMetrics.averagePrecisionOvr(p.rankings(), false));
        values.put("average_precision_weighted", MulticlassMetrics.averagePrecisionOvr(p.rankings(), true));
        Offending badSum = p.badSum();
        if (badSum != null) {
            String reason = "The class probabilities in " + columnsText + " sum to " + badSum.value() + " in " + row(names, badSum.row())
                    + ", not 1 (within " + Evaluator.PROBABILITY_SUM_TOLERANCE + "): roc_auc_ovr needs probabilities over all classes"
                    + " and is undefined. Give normalised probabilities (e.g. through a softmax) with a column for every class.";
            problems.add(reason);
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", reason));
        } else {
            values.put("roc_auc_ovr", MulticlassMetrics.rocAucOvr(p.rankings()));
        }
    }

    private static String row(ColumnNames names, long row) {
        return names.row((int) Math.min(row, Integer.MAX_VALUE));
    }
}
