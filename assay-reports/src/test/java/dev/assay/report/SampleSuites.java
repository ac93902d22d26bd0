package dev.assay.report;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.BeeswarmChart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.WaterfallChart;
import dev.assay.core.chart.XYChart;
import dev.assay.core.check.Condition;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Suite results built by hand from the core records, shaped like a binary-classification run on the
 * Adult census data: one check of each status, intervals, references, an undefined value, every
 * chart type and names holding {@code < & " '}.
 */
final class SampleSuites {

    static final String SUITE_NAME = "income <50K & \"census\" model";
    static final String FAILED_CHECK = "recall on class \">50K\" <positive> & co";
    static final String CURRENT = "data/adult/adult-test.csv";

    private SampleSuites() {
    }

    static SuiteResult binaryClassification() {
        return new SuiteResult(SUITE_NAME, "Release gate for the income classifier: quality, calibration, drift & fairness.",
                List.of(quality(), recall(), calibration(), drift(), rankingByGroup(), fairness()), provenance(),
                Duration.ofMillis(2_417));
    }

    /** The same result with only passing checks. */
    static SuiteResult allPassing() {
        return new SuiteResult("smoke", "", List.of(quality()), provenance(), Duration.ofMillis(312));
    }

    static Provenance provenance() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("task", "binary");
        settings.put("positiveClass", ">50K");
        settings.put("threshold", "0.5");
        settings.put("seed", "42");
        Map<String, String> model = new LinkedHashMap<>();
        model.put("name", "adult_forest.onnx");
        model.put("kind", "onnx");
        model.put("task", "binary");
        model.put("fingerprint", "sha256:4f1c0e7a9b2d5c8e1f3a6b9d0c2e4f7a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", "17.0.13");
        environment.put("os", "Linux amd64");
        return new Provenance("0.1.0-SNAPSHOT", Instant.parse("2026-11-28T12:50:16Z"), List.of(
                new DatasetInfo("current", "data/adult/adult-test.csv", 16_281, 15,
                        "sha256:7c2a4f9b1e0d3c5a8f6e2b9d4a1c7e3f5b8d2a6c9e1f4b7d0a3c6e9f2b5d8a1c"),
                new DatasetInfo("reference", "data/adult/adult-train.csv", 32_561, 15, null)), settings, model, environment,
                Map.of(FAILED_CHECK, Map.of("metrics", "recall, precision", "where", "sex = Female")));
    }

    /** The outcomes of {@code conditions} ({@code "fail: ..."} or {@code "warn: ..."}) on {@code measured}, as a check finds them. */
    static List<ConditionOutcome> judged(List<Measurement> measured, String... conditions) {
        return Arrays.stream(conditions).map(c -> Condition.parse(c.substring(5), c.startsWith("warn:") ? Severity.WARN : Severity.FAIL)
                .evaluate(measured, CURRENT)).toList();
    }

    static CheckResult quality() {
        List<Measurement> measured = List.of(
                new Measurement("accuracy", 0.8074, new Interval(0.7953, 0.8190, 0.95, "wilson"), 0.8121, 16_281, null, List.of()),
                new Measurement("roc_auc", 0.8843, new Interval(0.8771, 0.8912, 0.95, "bootstrap-percentile"), 0.8902, 16_281,
                        null, List.of()),
                new Measurement("average_precision", 0.7215, null, null, 16_281, null, List.of()));
        return new CheckResult("overall quality", "metric", Status.PASS, null, measured,
                judged(measured, "fail:accuracy >= 0.75", "fail:roc_auc >= reference - 0.02"),
                List.of(), List.of(roc(), precisionRecall()), List.of("Class '>50K' taken as positive."), Duration.ofMillis(184));
    }

    static CheckResult recall() {
        double[][] confusion = {{11_360, 1_075}, {1_107, 2_739}};
        List<Measurement> measured = List.of(
                new Measurement("recall", 0.7121, new Interval(0.6977, 0.7262, 0.95, "wilson"), 0.7490, 3_846, null, List.of()),
                new Measurement("precision", 0.7181, new Interval(0.7037, 0.7321, 0.95, "wilson"), 0.7302, 3_814, null, List.of()));
        return new CheckResult(FAILED_CHECK, "metric", Status.FAIL, "1 of 2 conditions failed", measured,
                judged(measured, "fail:recall >= 0.8", "fail:precision >= 0.7"),
                List.of(new EvidenceTable("Confusion matrix <counts>", List.of("true \\ predicted", "<=50K", ">50K"), List.of(
                        Arrays.asList("<=50K", 11_360L, 1_075L), Arrays.asList(">50K", 1_107L, 2_739L)))),
                List.of(new HeatmapChart("Confusion matrix", "Rows are the true class, columns the predicted class.",
                        "True class", "Predicted class", List.of("<=50K", ">50K"), List.of("<=50K", ">50K"), confusion)),
                List.of(), Duration.ofMillis(97), new ConfusionCounts(List.of("<=50K", ">50K"), confusion, false));
    }

    static CheckResult calibration() {
        double[] bins = new double[10];
        double[] observed = new double[10];
        for (int i = 0; i < 10; i++) {
            bins[i] = 0.05 + 0.1 * i;
            observed[i] = Math.min(1, bins[i] * (0.82 + 0.03 * (i % 3)) + 0.02);
        }
        observed[9] = Double.NaN;
        List<Measurement> measured = List.of(
                new Measurement("brier_score_loss", 0.1342, null, 0.1298, 16_281, null, List.of()),
                new Measurement("expected_calibration_error", 0.0612, null, null, 16_281, null,
                        List.of("bin [0.9, 1.0] holds no rows; it is left out of the error")));
        return new CheckResult("calibration", "metric", Status.WARN, null, measured,
                judged(measured, "warn:expected_calibration_error <= 0.05"),
                List.of(), List.of(new XYChart("Reliability diagram", "Mean predicted probability against the observed rate per bin.",
                        Axis.unit("Mean predicted probability"), Axis.unit("Observed positive rate"), List.of(
                                new Series("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}, Series.Style.GUIDE),
                                new Series("model", bins, observed, Series.Style.LINE)))),
                List.of(), Duration.ofMillis(41));
    }

    static CheckResult drift() {
        return CheckResult.error("income drift vs 'reference'", "drift",
                "Column 'capital_gain' is not in data/adult/adult-train.csv (it has: age, workclass, education, hours_per_week).\n"
                        + "Fix: add the column to the reference data or remove it from the check's columns.",
                Duration.ofMillis(3));
    }

    static CheckResult rankingByGroup() {
        return new CheckResult("roc_auc by race", "fairness", Status.SKIPPED,
                "No score column: the schema names neither a score nor class probabilities, so roc_auc cannot be computed.",
                List.of(), List.of(), List.of(), List.of(), List.of(), Duration.ZERO);
    }

    static CheckResult fairness() {
        Random random = new Random(7);
        int n = 160;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 20 + 60 * random.nextDouble();
            y[i] = random.nextGaussian() * (4 + x[i] / 20);
        }
        y[5] = Double.NaN;
        List<Measurement> measured = List.of(
                new Measurement("equal_opportunity_difference", 0.0412, new Interval(0.0105, 0.0731, 0.9, "bootstrap-percentile"),
                        null, 3_846, null, List.of()),
                new Measurement("recall", "sex=Female", 0.6835, null, 0.7010, 590, null, List.of()),
                new Measurement("recall", "sex=Male", 0.7247, null, 0.7551, 3_256, null, List.of()),
                new Measurement("recall", "sex=<unknown>", Double.NaN, null, null, 0, "no positive rows in group '<unknown>'",
                        List.of("zero division: true positives + false negatives = 0")));
        return new CheckResult("equal opportunity by sex & <unknown>", "fairness", Status.PASS, null, measured,
                judged(measured, "fail:equal_opportunity_difference <= 0.1", "fail:recall[sex=Female] >= reference - 0.05"),
                List.of(new EvidenceTable("Recall per group", List.of("group", "rows", "positives", "recall", "reference recall"),
                        List.of(Arrays.asList("Female", 5_421L, 590L, 0.6835, 0.7010),
                                Arrays.asList("Male", 10_860L, 3_256L, 0.7247, 0.7551),
                                Arrays.asList("<unknown>", 0L, 0L, null, null)))),
                List.of(new BarChart("Recall by sex", "Recall of the positive class per group, current against reference.",
                                "Recall", List.of("Female", "Male", "<unknown>"), List.of("current", "reference"),
                                List.of(new double[] {0.6835, 0.7247, Double.NaN}, new double[] {0.7010, 0.7551, Double.NaN}),
                                List.of(new double[] {0.645, 0.710, Double.NaN}, new double[] {0.664, 0.741, Double.NaN}),
                                List.of(new double[] {0.719, 0.739, Double.NaN}, new double[] {0.736, 0.769, Double.NaN})),
                        new XYChart("Residuals of hours per week", "Residual against age; the dashed line is zero.",
                                Axis.auto("Age (years)"), Axis.auto("Residual (hours)"), List.of(
                                        new Series("y = 0", new double[] {20, 80}, new double[] {0, 0}, Series.Style.GUIDE),
                                        new Series("rows", x, y, Series.Style.POINTS))),
                        new WaterfallChart("Row 7", "From the base value to the output.", "model output", 0.3,
                                List.of("age = 35", "sex = <Female>", "2 other features"), new double[] {0.12, -0.05, 0.01}, 0.38),
                        new BeeswarmChart("Contributions by row", "One dot per row.", "contribution", List.of("age", "sex"),
                                List.of(new double[] {0.1, -0.2, Double.NaN}, new double[] {0.01, 0.02, 0.03}),
                                List.of(new double[] {0, 1, 0.5}, new double[] {Double.NaN, Double.NaN, Double.NaN}))),
                List.of("Groups with no positive rows have no recall."), Duration.ofMillis(58));
    }

    static XYChart roc() {
        int n = 41;
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        double[] refTpr = new double[n];
        for (int i = 0; i < n; i++) {
            fpr[i] = i / (double) (n - 1);
            tpr[i] = Math.pow(fpr[i], 0.28);
            refTpr[i] = Math.pow(fpr[i], 0.25);
        }
        return new XYChart("ROC curve", "True positive rate against false positive rate; the dashed diagonal is chance.",
                Axis.unit("False positive rate"), Axis.unit("True positive rate"), List.of(
                        new Series("chance", new double[] {0, 1}, new double[] {0, 1}, Series.Style.GUIDE),
                        new Series("current (AUC 0.884)", fpr, tpr, Series.Style.LINE),
                        new Series("reference (AUC 0.890)", fpr, refTpr, Series.Style.LINE)));
    }

    static XYChart precisionRecall() {
        int n = 30;
        double[] recall = new double[n];
        double[] precision = new double[n];
        for (int i = 0; i < n; i++) {
            recall[i] = 1 - i / (double) (n - 1);
            precision[i] = 0.236 + (1 - 0.236) * Math.pow(1 - recall[i], 0.5) * 0.85 + (i == n - 1 ? 0.15 * 0.764 : 0);
        }
        return new XYChart("Precision-recall curve", "Precision against recall; steps follow the thresholds.",
                Axis.unit("Recall"), Axis.unit("Precision"), List.of(new Series("current", recall, precision, Series.Style.STEP)));
    }
}
