package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.metrics.MetricCharts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.thresholds.CostMatrix;
import dev.assay.core.thresholds.OperatingPoints;
import dev.assay.core.thresholds.ThresholdMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/** The charts and the table of operating points of a {@link DecisionThresholdCheck}: data for reports, no formatting. */
final class ThresholdEvidence {
    /** A named operating point to mark; index -1 predicts nothing positive. */
    record Marked(String label, int index) {
    }

    private final OperatingPoints points;
    private final ThresholdMetric metric;
    private final double beta;
    private final CostMatrix costs;

    /** @param metric the optimised metric, or null when the cost is minimised */
    ThresholdEvidence(OperatingPoints points, ThresholdMetric metric, double beta, CostMatrix costs) {
        this.points = points;
        this.metric = metric;
        this.beta = beta;
        this.costs = costs;
    }

    /** The ROC curve with the marked points. */
    XYChart roc(List<Marked> marked) {
        XYChart base = MetricCharts.roc(points.curve(), points.curve().rocAuc());
        return withMarks(base, marked, i -> ThresholdMetric.FPR.at(points, i, beta), i -> ThresholdMetric.RECALL.at(points, i, beta),
                "The marked points are the operating points below.");
    }

    /** The precision-recall curve with the marked points (those where precision is defined). */
    XYChart precisionRecall(List<Marked> marked) {
        XYChart base = MetricCharts.precisionRecall(points.curve(), points.curve().averagePrecision());
        return withMarks(base, marked, i -> ThresholdMetric.RECALL.at(points, i, beta), i -> ThresholdMetric.PRECISION.at(points, i, beta),
                "The marked points are the operating points below.");
    }

    private static XYChart withMarks(XYChart base, List<Marked> marked, IntToDoubleFunction x, IntToDoubleFunction y, String note) {
        List<Series> series = new ArrayList<>(base.series());
        for (Marked m : marked) {
            double px = x.applyAsDouble(m.index());
            double py = y.applyAsDouble(m.index());
            if (!Double.isNaN(px) && !Double.isNaN(py)) {
                series.add(new Series(m.label(), new double[] {px}, new double[] {py}, Series.Style.MARKER));
            }
        }
        return new XYChart(base.title(), base.caption() + " " + note, base.x(), base.y(), series);
    }

    /** The optimised metric (or the expected cost) against the threshold, with the marked points. */
    XYChart againstThreshold(List<Marked> marked) {
        IntToDoubleFunction value = metric == null ? i -> costs.expectedCost(points, i) : i -> metric.at(points, i, beta);
        String name = metric == null ? "expected cost per row" : metric.id();
        double[][] xy = MetricCharts.downsample(points.size(), points::threshold, value, MetricCharts.MAX_CURVE_POINTS);
        List<Series> series = new ArrayList<>();
        series.add(new Series(name, xy[0], xy[1], Series.Style.LINE));
        for (Marked m : marked) {
            if (m.index() >= 0 && !Double.isNaN(value.applyAsDouble(m.index()))) {
                series.add(new Series(m.label(), new double[] {points.threshold(m.index())},
                        new double[] {value.applyAsDouble(m.index())}, Series.Style.MARKER));
            }
        }
        boolean unit = points.threshold(0) <= 1 && points.threshold(points.size() - 1) >= 0;
        String title = (metric == null ? "Expected cost" : metric.id()) + " against the threshold";
        return new XYChart(title, "The " + name + " when rows scoring at least the threshold are predicted positive, at every"
                + " distinct score; the marked points are the operating points below.",
                unit ? Axis.unit("Threshold") : Axis.auto("Threshold"),
                metric == null ? Axis.auto("Expected cost per row") : Axis.auto(name), series);
    }

    /** One row per marked point and per tenth of the distinct scores: the counts and metrics there. */
    EvidenceTable operatingPoints(List<Marked> marked) {
        List<String> columns = new ArrayList<>(List.of("point", "threshold", "tp", "fp", "fn", "tn", "precision", "recall", "fpr", "f1"));
        boolean extra = metric != null && !List.of(ThresholdMetric.PRECISION, ThresholdMetric.RECALL, ThresholdMetric.FPR,
                ThresholdMetric.F1).contains(metric);
        if (extra) {
            columns.add(metric.id());
        }
        if (costs != null) {
            columns.add("expected cost");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Marked m : marked) {
            rows.add(row(m.label(), m.index(), extra));
        }
        int step = Math.max(1, points.size() / 10);
        for (int i = step - 1; i < points.size(); i += step) {
            rows.add(row("", i, extra));
        }
        return new EvidenceTable("Operating points (the marked ones, then " + (step == 1 ? "every distinct score"
                : "every " + ordinal(step) + " distinct score") + " from the highest)", columns, rows);
    }

    private List<Object> row(String label, int i, boolean extra) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(i < 0 ? "above every score" : (Object) points.threshold(i));
        row.add(count(points.truePositives(i)));
        row.add(count(points.falsePositives(i)));
        row.add(count(points.falseNegatives(i)));
        row.add(count(points.trueNegatives(i)));
        for (ThresholdMetric m : List.of(ThresholdMetric.PRECISION, ThresholdMetric.RECALL, ThresholdMetric.FPR, ThresholdMetric.F1)) {
            row.add(m.at(points, i, beta));
        }
        if (extra) {
            row.add(metric.at(points, i, beta));
        }
        if (costs != null) {
            row.add(costs.expectedCost(points, i));
        }
        return row;
    }

    /** A whole count as a whole number, a weighted one as it is. */
    private static Object count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) Long.valueOf((long) v) : (Object) Double.valueOf(v);
    }

    private static String ordinal(int k) {
        return String.format(Locale.ROOT, "%d%s", k, k % 10 == 2 && k % 100 != 12 ? "nd"
                : k % 10 == 3 && k % 100 != 13 ? "rd" : k % 10 == 1 && k % 100 != 11 ? "st" : "th");
    }
}
