package dev.assay.core.metrics;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.RankingCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/** Charts and tables of an evaluation, kept small: curves of at most 1000 points, plots of at most 2000. */
public final class MetricCharts {
    public static final int MAX_CURVE_POINTS = 1000;
    static final int MAX_SCATTER_POINTS = 2000;

    private MetricCharts() {
    }

    static HeatmapChart confusionHeatmap(ConfusionMatrix m, List<String> classes) {
        return new HeatmapChart("Confusion matrix", "Rows: true class; columns: predicted class; cells: "
                + "row counts (weighted when rows carry weights).", "True class", "Predicted class", classes, classes,
                m.toArray());
    }

    static EvidenceTable confusionTable(ConfusionMatrix m, List<String> classes) {
        List<String> columns = new ArrayList<>();
        columns.add("true \\ predicted");
        columns.addAll(classes);
        List<List<Object>> rows = new ArrayList<>();
        for (int t = 0; t < classes.size(); t++) {
            List<Object> row = new ArrayList<>();
            row.add(classes.get(t));
            for (int p = 0; p < classes.size(); p++) {
                row.add(number(m.count(t, p)));
            }
            rows.add(row);
        }
        return new EvidenceTable("Confusion matrix", columns, rows);
    }

    static EvidenceTable classReport(List<MulticlassMetrics.ClassReport> report) {
        List<List<Object>> rows = new ArrayList<>();
        for (MulticlassMetrics.ClassReport r : report) {
            rows.add(List.of(r.label(), r.precision(), r.recall(), r.f1(), number(r.support())));
        }
        return new EvidenceTable("Per-class precision, recall and F1", List.of("class", "precision", "recall", "f1", "support"), rows);
    }

    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) Long.valueOf((long) v) : (Number) Double.valueOf(v);
    }

    /** ROC curve from (0, 0) through every distinct threshold, downsampled, with the chance diagonal. */
    public static XYChart roc(RankingCurve c, double auc) {
        double n = c.negatives();
        double p = c.positives();
        double[][] xy = downsample(c.size() + 1, i -> i == 0 ? 0 : c.falsePositives(i - 1) / n,
                i -> i == 0 ? 0 : c.truePositives(i - 1) / p, MAX_CURVE_POINTS);
        return new XYChart("ROC curve", String.format(Locale.ROOT, "True against false positive rate as the threshold "
                + "falls; area %.4f. The dashed diagonal is a random ranking.", auc),
                Axis.unit("False positive rate"), Axis.unit("True positive rate"),
                List.of(new Series("ROC", xy[0], xy[1], Series.Style.LINE),
                        new Series("chance", new double[] {0, 1}, new double[] {0, 1}, Series.Style.GUIDE)));
    }

    /** Precision against recall at every distinct threshold, starting at (0, 1), downsampled, with the prevalence line. */
    public static XYChart precisionRecall(RankingCurve c, double averagePrecision) {
        double p = c.positives();
        double[][] xy = downsample(c.size() + 1, i -> i == 0 ? 0 : c.truePositives(i - 1) / p,
                i -> i == 0 ? 1 : c.truePositives(i - 1) / (c.truePositives(i - 1) + c.falsePositives(i - 1)),
                MAX_CURVE_POINTS);
        double prevalence = p / (p + c.negatives());
        return new XYChart("Precision-recall curve", String.format(Locale.ROOT, "Precision against recall as the "
                + "threshold falls; average precision %.4f. The dashed line is the prevalence %.4f (random ranking).",
                averagePrecision, prevalence),
                Axis.unit("Recall"), Axis.unit("Precision"),
                List.of(new Series("precision-recall", xy[0], xy[1], Series.Style.STEP),
                        new Series("prevalence", new double[] {0, 1}, new double[] {prevalence, prevalence}, Series.Style.GUIDE)));
    }

    /**
     * Keeps the first and last points and every point at least {@code L / (max - 2)} away (L1
     * distance) from the last kept one, where L is the curve's L1 length: at most {@code max} points,
     * spread evenly along the curve so its shape survives.
     */
    public static double[][] downsample(int size, IntToDoubleFunction x, IntToDoubleFunction y, int max) {
        if (size <= max) {
            double[] ox = new double[size];
            double[] oy = new double[size];
            for (int i = 0; i < size; i++) {
                ox[i] = x.applyAsDouble(i);
                oy[i] = y.applyAsDouble(i);
            }
            return new double[][] {ox, oy};
        }
        double length = 0;
        double px = x.applyAsDouble(0);
        double py = y.applyAsDouble(0);
        for (int i = 1; i < size; i++) {
            double cx = x.applyAsDouble(i);
            double cy = y.applyAsDouble(i);
            length += Math.abs(cx - px) + Math.abs(cy - py);
            px = cx;
            py = cy;
        }
        double step = length / (max - 2);
        double[] ox = new double[max];
        double[] oy = new double[max];
        int n = 0;
        ox[n] = x.applyAsDouble(0);
        oy[n++] = y.applyAsDouble(0);
        px = ox[0];
        py = oy[0];
        int last = size - 1;
        double travelled = 0;
        for (int i = 1; i < last; i++) {
            double cx = x.applyAsDouble(i);
            double cy = y.applyAsDouble(i);
            travelled += Math.abs(cx - px) + Math.abs(cy - py);
            px = cx;
            py = cy;
            if (travelled >= step && n < max - 1) {
                ox[n] = cx;
                oy[n++] = cy;
                travelled = 0;
            }
        }
        ox[n] = x.applyAsDouble(last);
        oy[n++] = y.applyAsDouble(last);
        return new double[][] {Arrays.copyOf(ox, n), Arrays.copyOf(oy, n)};
    }

    /** Residual {@code y - ŷ} against prediction for an evenly spaced sample of at most 2000 rows, with y = 0. */
    public static XYChart residuals(double[] truth, double[] predicted) {
        int n = truth.length;
        int stride = Math.max(1, (n + MAX_SCATTER_POINTS - 1) / MAX_SCATTER_POINTS);
        int m = (n + stride - 1) / stride;
        double[] x = new double[m];
        double[] y = new double[m];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int i = k * stride;
            x[k] = predicted[i];
            y[k] = truth[i] - predicted[i];
            lo = Math.min(lo, x[k]);
            hi = Math.max(hi, x[k]);
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("residual", x, y, Series.Style.POINTS));
        if (m > 0) {
            series.add(new Series("zero", new double[] {lo, hi}, new double[] {0, 0}, Series.Style.GUIDE));
        }
        String caption = "Residual (true minus predicted) against the prediction"
                + (stride > 1 ? " for every " + stride + "th row (" + m + " of " + n + ")" : "")
                + "; a good model scatters evenly around the dashed zero line.";
        return new XYChart("Residuals", caption, Axis.auto("Predicted"), Axis.auto("Residual"), series);
    }
}
