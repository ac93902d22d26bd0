package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The multiclass metrics from class probabilities: log_loss, roc_auc_ovr and average_precision_macro /
 * _weighted, or why each is undefined.
 */
final class ClassProbabilityMetrics {
    private static final List<String> RANKING_IDS = List.of("roc_auc_ovr", "average_precision_macro", "average_precision_weighted");
    private ClassProbabilityMetrics() {
    }

    /**
     * Puts log_loss and roc_auc_ovr into {@code values}, each undefined with its reason when a label
     * class has no probability column, a probability lies outside [0, 1] (log_loss), or a probability
     * class is absent from the label or a row does not sum to 1 (roc_auc_ovr; average precision needs
     * every class in the label only).
     */
    static void compute(int[] truth, List<String> classes, double[][] probabilities,
            List<String> probabilityClasses, List<String> probabilityColumns, double[] weight, ColumnNames names,
            Map<String, MetricValue> values, List<String> problems) {
        int n = truth.length;
        int pk = probabilityClasses.size();
        int[] toProbability = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            toProbability[c] = probabilityClasses.indexOf(classes.get(c));
        }
        boolean[] inLabel = new boolean[classes.size()];
        int[] firstRow = new int[classes.size()];
        for (int i = n - 1; i >= 0; i--) {
            inLabel[truth[i]] = true;
            firstRow[truth[i]] = i;
        }
        List<String> uncovered = new ArrayList<>();
        int firstUncoveredRow = n;
        for (int c = 0; c < classes.size(); c++) {
            if (inLabel[c] && toProbability[c] < 0) {
                uncovered.add(classes.get(c));
                firstUncoveredRow = Math.min(firstUncoveredRow, firstRow[c]);
            }
        }
        List<String> absent = new ArrayList<>();
        for (String p : probabilityClasses) {
            int c = classes.indexOf(p);
            if (c < 0 || !inLabel[c]) {
                absent.add(p);
            }
        }
        int outsideColumn = -1;
        int outsideRow = -1;
        for (int c = 0; c < pk && outsideColumn < 0; c++) {
            int r = InputChecks.firstOutsideUnit(probabilities[c]);
            if (r >= 0) {
                outsideColumn = c;
                outsideRow = r;
            }
        }
        int badSumRow = -1;
        double badSum = 0;
        for (int i = 0; i < n && badSumRow < 0; i++) {
            double s = 0;
            for (int c = 0; c < pk; c++) {
                s += probabilities[c][i];
            }
            if (!(Math.abs(s - 1) <= Evaluator.PROBABILITY_SUM_TOLERANCE)) {
                badSumRow = i;
                badSum = s;
            }
        }
        String columnsText = "columns " + InputChecks.quoted(probabilityColumns)
                + (names.source() == null ? "" : " of " + names.source());

        if (!uncovered.isEmpty()) {
            String reason = names.column(names.label(), "label") + " holds class" + (uncovered.size() == 1 ? " " : "es ")
                    + InputChecks.quoted(uncovered) + " (first in " + names.row(firstUncoveredRow) + ") without a probability"
                    + " column; log_loss, roc_auc_ovr and average precision need the probability of every class in the label and are undefined."
                    + " Name a probability column for each class, or correct the label.";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
            for (String id : RANKING_IDS) {
                values.put(id, MetricValue.undefined(id, reason));
            }
            return;
        }
        if (outsideColumn >= 0) {
            String reason = names.column(probabilityColumns.get(outsideColumn), "probability of class '"
                    + Excerpt.of(probabilityClasses.get(outsideColumn)) + "'") + " holds " + probabilities[outsideColumn][outsideRow]
                    + " in " + names.row(outsideRow) + ", outside [0, 1]: log_loss needs probabilities and is undefined."
                    + " Give probabilities (e.g. through a softmax).";
            problems.add(reason);
            values.put("log_loss", MetricValue.undefined("log_loss", reason));
        } else {
            ProbabilityLossAccumulator losses = new ProbabilityLossAccumulator();
            for (int i = 0; i < n; i++) {
                losses.addMulticlass(probabilities, i, toProbability[truth[i]], weight == null ? 1 : weight[i]);
            }
            values.put("log_loss", MulticlassMetrics.logLoss(losses.result()));
        }
        if (!absent.isEmpty() || pk < 2) {
            String reason = pk < 2 ? " needs at least two classes." : " needs every class with a probability column in the label, but "
                    + InputChecks.quoted(absent) + " do" + (absent.size() == 1 ? "es" : "") + " not occur in it.";
            for (String id : RANKING_IDS) {
                values.put(id, MetricValue.undefined(id, id + reason));
            }
            return;
        }
        List<RankingCurve> curves = new ArrayList<>(pk);
        boolean[] isClass = new boolean[n];
        for (int c = 0; c < pk; c++) {
            int cls = classes.indexOf(probabilityClasses.get(c));
            for (int i = 0; i < n; i++) {
                isClass[i] = truth[i] == cls;
            }
            ScoreSample s = new ScoreSample();
            s.addAll(isClass, probabilities[c], weight, 0, n);
            curves.add(s.result());
        }
        values.put("average_precision_macro", MulticlassMetrics.averagePrecisionOvr(curves, false));
        values.put("average_precision_weighted", MulticlassMetrics.averagePrecisionOvr(curves, true));
        if (badSumRow >= 0) {
            String reason = "The class probabilities in " + columnsText + " sum to " + badSum + " in " + names.row(badSumRow)
                    + ", not 1 (within " + Evaluator.PROBABILITY_SUM_TOLERANCE + "): roc_auc_ovr needs probabilities over all classes"
                    + " and is undefined. Give normalised probabilities (e.g. through a softmax) with a column for every class.";
            problems.add(reason);
            values.put("roc_auc_ovr", MetricValue.undefined("roc_auc_ovr", reason));
        } else {
            values.put("roc_auc_ovr", MulticlassMetrics.rocAucOvr(curves));
        }
    }
}
