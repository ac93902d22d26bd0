package dev.assay.core.metrics;

import dev.assay.core.chart.Chart;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import dev.assay.core.stats.ProbabilityLosses;
import dev.assay.core.stats.ScoreSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary evaluation: chooses the positive class, then derives every binary metric from one
 * confusion matrix and one ranking curve (a single sort of the scores).
 */
final class BinaryEvaluator {
    private BinaryEvaluator() {
    }

    /**
     * Chooses the positive class (the one given; else 1 for 0/1 and -1/1 labels, true for booleans,
     * the only class present, or the less frequent class), checks there are at most two classes,
     * reads the score column (the schema's score, else the positive class's probability) and evaluates.
     */
    static Evaluation fromFrame(Frame frame, Schema schema, EvaluationSettings settings, ColumnNames names,
            ClassEncoding.Encoded labels, ClassEncoding.Encoded predictions, double[] weight, List<String> notes) {
        String requested = ClassChecks.positive(settings, labels, predictions);
        boolean numeric = labels.numbers() != null && (predictions == null || predictions.numbers() != null);
        List<String> extra = new ArrayList<>();
        String positive;
        String why;
        ClassEncoding.Classes classes = ClassEncoding.union(labels, predictions, List.of());
        if (requested != null) {
            ClassChecks.requirePositiveInLabel(requested, labels, names);
            positive = requested;
            why = "as given";
            if (!classes.names().contains(requested)) {
                extra.add(requested);
            }
        } else {
            String[] choice = defaultPositive(classes.names(), labels, classes);
            positive = choice[0];
            why = choice[1];
            if (!classes.names().contains(positive)) {
                extra.add(positive);
            }
        }
        if (!extra.isEmpty()) {
            classes = ClassEncoding.union(labels, predictions, extra);
        }
        ClassChecks.requireTwoClasses(classes, labels, predictions, positive, names, false);
        int positiveClass = classes.names().indexOf(positive);
        String negative = classes.names().size() == 2 ? classes.names().get(1 - positiveClass) : "not " + positive;
        notes.add("Positive class '" + Excerpt.of(positive) + "' (" + why + (requested == null ? "; set positive to change)." : ")."));
        int n = frame.rowCount();
        boolean[] truth = new boolean[n];
        int[] lt = classes.labelToClass();
        for (int i = 0; i < n; i++) {
            truth[i] = lt[labels.codes()[i]] == positiveClass;
        }
        boolean[] predicted = null;
        if (predictions != null) {
            predicted = new boolean[n];
            int[] pt = classes.predictionToClass();
            for (int i = 0; i < n; i++) {
                predicted[i] = pt[predictions.codes()[i]] == positiveClass;
            }
        }
        String scoreColumn = schema.score() != null ? schema.score() : schema.classProbabilities().get(positive);
        if (scoreColumn == null && numeric) {
            for (Map.Entry<String, String> e : schema.classProbabilities().entrySet()) {
                if (ClassEncoding.isNumber(e.getKey()) && ClassEncoding.format(Double.parseDouble(e.getKey())).equals(positive)) {
                    scoreColumn = e.getValue();
                }
            }
        }
        double[] score = null;
        if (scoreColumn != null) {
            score = frame.numeric(scoreColumn, "score").toArray();
            if (schema.score() == null) {
                notes.add("Scores: column '" + Excerpt.of(scoreColumn) + "', the probability of the positive class.");
            }
        }
        ColumnNames withScore = names.withScore(scoreColumn);
        return evaluate(truth, score, predicted, weight, settings, positive, negative, withScore, notes);
    }

    private static String[] defaultPositive(List<String> classes, ClassEncoding.Encoded labels, ClassEncoding.Classes c) {
        long[] counts = new long[classes.size()];
        int[] lt = c.labelToClass();
        for (int code : labels.codes()) {
            counts[lt[code]]++;
        }
        PositiveClass p = PositiveClass.choose(classes, counts);
        return new String[] {p.name(), p.why()};
    }

    /** Arrays without column names: the positive class is "1" unless the settings name one. */
    static Evaluation fromArrays(boolean[] truth, double[] score, boolean[] predicted, double[] weight,
            EvaluationSettings settings) {
        String positive = settings.positiveClass() == null ? "1" : settings.positiveClass();
        String negative = positive.equals("0") ? "not 0" : "0";
        return evaluate(truth, score, predicted, weight, settings, positive, negative, ColumnNames.ARRAYS, new ArrayList<>());
    }

    private static Evaluation evaluate(boolean[] truth, double[] score, boolean[] predicted, double[] weight,
            EvaluationSettings settings, String positive, String negative, ColumnNames names, List<String> notes) {
        int n = truth.length;
        if (score != null) {
            InputChecks.checkLength("score", score.length, n);
            InputChecks.checkNotNaN(score, names.score(), "score", names,
                    "Every evaluated row needs a score: drop these rows or fill in the score.");
        }
        if (predicted != null) {
            InputChecks.checkLength("predicted", predicted.length, n);
        }
        if (weight != null) {
            InputChecks.checkLength("weight", weight.length, n);
        }
        InputChecks.checkWeights(weight, names);
        List<String> problems = new ArrayList<>();
        BinaryScores scores = score == null ? null : new BinaryScores(truth, score, weight, positive, names);
        if (n == 0) {
            return new ComputedEvaluation(Task.BINARY, 0, InputChecks.allUndefined(Task.BINARY, "there are no rows to evaluate."),
                    notes, problems, List.of(), List.of(), null, List.of(), scores);
        }
        boolean[] decided = predicted;
        if (decided == null && score != null) {
            double threshold = settings.threshold();
            decided = new boolean[n];
            for (int i = 0; i < n; i++) {
                decided[i] = score[i] >= threshold;
            }
        }
        long positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        ConfusionMatrix m = null;
        if (decided != null) {
            ConfusionAccumulator counts = new ConfusionAccumulator(2);
            counts.addBinary(truth, decided, weight, 0, n);
            m = counts.result();
        }
        BinaryRanking ranking = null;
        ProbabilityLosses losses = null;
        String lossProblem = null;
        if (score != null) {
            ScoreSample sample = new ScoreSample();
            sample.addAll(truth, score, weight, 0, n);
            ranking = BinaryRanking.of(sample.result());
            int outside = InputChecks.firstOutsideUnit(score);
            if (outside >= 0) {
                lossProblem = outsideUnit(names, score[outside] + " in " + names.row(outside));
            } else {
                ProbabilityLossAccumulator acc = new ProbabilityLossAccumulator();
                acc.addBinary(truth, score, weight, 0, n);
                losses = acc.result();
            }
        }
        BinaryStatistics stats = new BinaryStatistics(positive, negative, n, positives, m, predicted == null && score != null,
                ranking, losses, lossProblem, weight != null);
        BinaryOutcomes outcomes = decided == null ? null : new BinaryOutcomes(truth, decided, positive);
        return fromStatistics(stats, settings, names, notes).withRows(scores, outcomes);
    }

    /**
     * Why log loss and the Brier score are undefined for a score outside [0, 1].
     *
     * @param where the offending value and where it is, e.g. {@code "1.5 in row 3"}
     */
    static String outsideUnit(ColumnNames names, String where) {
        return names.column(names.score(), "score") + " holds " + where
                + ", outside [0, 1]: log_loss and brier_score need probabilities and are undefined; roc_auc and"
                + " average_precision only rank the scores and are computed. Give calibrated probabilities"
                + " (e.g. through a sigmoid) to get them.";
    }

    /** Every binary metric from the merged statistics of the rows. */
    static ComputedEvaluation fromStatistics(BinaryStatistics s, EvaluationSettings settings, ColumnNames names,
            List<String> notes) {
        long n = s.rows();
        String positive = s.positive();
        String negative = s.negative();
        List<String> problems = new ArrayList<>();
        if (n == 0) {
            return new ComputedEvaluation(Task.BINARY, 0, InputChecks.allUndefined(Task.BINARY, "there are no rows to evaluate."),
                    notes, problems, List.of(), List.of());
        }
        ZeroDivision zd = settings.zeroDivision();
        if (s.predictedFromScore()) {
            notes.add("No prediction column: a row is predicted '" + Excerpt.of(positive) + "' when its score"
                    + (names == ColumnNames.ARRAYS ? "" : " (column '" + Excerpt.of(names.score()) + "')") + " is >= "
                    + settings.threshold() + ".");
        }
        Map<String, MetricValue> values = new HashMap<>();
        List<EvidenceTable> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        ConfusionCounts confusion = null;
        List<MulticlassMetrics.ClassReport> perClass = List.of();
        List<String> classNames = List.of(negative, positive);

        long positives = s.positives();
        boolean singleClass = positives == 0 || positives == n;
        if (singleClass) {
            String present = positives == 0 ? negative : positive;
            problems.add(names.column(names.label(), null) + " holds only the class '" + Excerpt.of(present) + "' (all " + n
                    + " rows). roc_auc and average_precision need both"
                    + " classes and are undefined; the other metrics are computed. Evaluate on data that holds both classes.");
        }

        ConfusionMatrix m = s.confusion();
        if (m != null) {
            values.put("accuracy", MulticlassMetrics.accuracy(m));
            values.put("balanced_accuracy", MulticlassMetrics.balancedAccuracy(m, classNames));
            values.put("precision", BinaryMetrics.precision(m, zd));
            values.put("recall", BinaryMetrics.recall(m, zd));
            values.put("f1", BinaryMetrics.fBeta("f1", 1, m, zd));
            values.put("f0.5", BinaryMetrics.fBeta("f0.5", 0.5, m, zd));
            values.put("f2", BinaryMetrics.fBeta("f2", 2, m, zd));
            values.put("specificity", BinaryMetrics.specificity(m, zd));
            values.put("npv", BinaryMetrics.npv(m, zd));
            values.put("fpr", BinaryMetrics.fpr(m, zd));
            values.put("fnr", BinaryMetrics.fnr(m, zd));
            values.put("mcc", MulticlassMetrics.mcc(m));
            values.put("cohen_kappa", MulticlassMetrics.cohenKappa(m));
            values.put("true_positives", MetricValue.of("true_positives", m.count(1, 1)));
            values.put("false_positives", MetricValue.of("false_positives", m.count(0, 1)));
            values.put("true_negatives", MetricValue.of("true_negatives", m.count(0, 0)));
            values.put("false_negatives", MetricValue.of("false_negatives", m.count(1, 0)));
            tables.add(MetricCharts.confusionTable(m, classNames));
            charts.add(MetricCharts.confusionHeatmap(m, classNames));
            confusion = new ConfusionCounts(classNames, m.toArray(), s.weighted());
            perClass = MulticlassMetrics.report(m, classNames, zd);
        } else {
            for (String id : List.of("accuracy", "balanced_accuracy", "precision", "recall", "f1", "f0.5", "f2",
                    "specificity", "npv", "fpr", "fnr", "mcc", "cohen_kappa", "true_positives", "false_positives",
                    "true_negatives", "false_negatives")) {
                values.put(id, MetricValue.undefined(id, id + " needs predicted classes: name a prediction column or a score column."));
            }
        }

        if (s.ranking() != null) {
            BinaryRanking ranking = s.ranking();
            MetricValue auc = ranking.rocAuc();
            MetricValue ap = ranking.averagePrecision();
            values.put("roc_auc", auc);
            values.put("average_precision", ap);
            if (ranking.note() != null) {
                notes.add(ranking.note());
            }
            if (auc.defined()) {
                charts.add(MetricCharts.roc(ranking.chart(), auc.value()));
            }
            if (ap.defined()) {
                charts.add(MetricCharts.precisionRecall(ranking.chart(), ap.value()));
            }
        }
        if (s.lossProblem() != null) {
            problems.add(s.lossProblem());
            values.put("log_loss", MetricValue.undefined("log_loss", s.lossProblem()));
            values.put("brier_score", MetricValue.undefined("brier_score", s.lossProblem()));
        } else if (s.losses() != null) {
            values.put("log_loss", BinaryMetrics.logLoss(s.losses()));
            values.put("brier_score", BinaryMetrics.brierScore(s.losses()));
        }
        for (String id : List.of("roc_auc", "average_precision", "log_loss", "brier_score")) {
            values.computeIfAbsent(id, k -> MetricValue.undefined(k, k + " needs scores: name a score column (the probability of '"
                    + Excerpt.of(positive) + "')."));
        }
        return new ComputedEvaluation(Task.BINARY, n, values, notes, problems, tables, charts, confusion, perClass);
    }
}
