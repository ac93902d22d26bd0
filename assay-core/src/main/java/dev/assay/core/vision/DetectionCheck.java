package dev.assay.core.vision;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code type: detection}: COCO evaluation ({@link CocoEvaluator}) of a detections file against COCO ground
 * truth; measures the chosen summary numbers ({@code map}, {@code map_50}, ... {@code ar_large}) and per
 * category {@code ap[name]} (AP@[.50:.95]) and {@code ap50[name]}, with a bar chart of the per-category AP
 * and the precision-recall curves at IoU 0.50. The suite's data set is not used.
 */
public final class DetectionCheck extends MeasuringCheck {
    public static final String KIND = "detection";
    private static final int MAX_CURVES = 12;
    private final Path groundTruth;
    private final Path detections;
    private final IouType iouType;
    private final List<String> metrics;

    DetectionCheck(CheckSetup setup, Path groundTruth, Path detections, IouType iouType, List<String> metrics) {
        super(setup, KIND, measures(metrics), Requirements.NONE);
        this.groundTruth = groundTruth;
        this.detections = detections;
        this.iouType = iouType;
        this.metrics = List.copyOf(metrics);
    }

    private static List<String> measures(List<String> metrics) {
        List<String> out = new ArrayList<>(metrics);
        out.add("ap");
        out.add("ap50");
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ground_truth", groundTruth.toString());
        s.put("detections", detections.toString());
        s.put("iou_type", iouType.id());
        return s;
    }

    @Override
    protected Observations measure(CheckContext context) {
        CocoDataset data = CocoJson.read(groundTruth, detections, iouType);
        CocoMetrics m = CocoEvaluator.evaluate(data, iouType);
        Observations obs = new Observations();
        long n = data.groundTruth().size();
        Map<String, OptionalDouble> summary = m.summary();
        for (String id : metrics) {
            OptionalDouble v = summary.get(id);
            obs.measurement(v.isPresent() ? Measurement.of(id, v.getAsDouble(), n)
                    : new Measurement(id, null, Double.NaN, null, null, n, "no ground truth in this size range", List.of()));
        }
        List<String> names = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        List<Double> ap = new ArrayList<>();
        List<Double> ap50 = new ArrayList<>();
        for (int c = 0; c < m.categories().size(); c++) {
            OptionalDouble a = m.classAp(c);
            if (a.isEmpty()) {
                continue;
            }
            String name = m.categories().get(c).name();
            double a50 = m.classAp50(c).getAsDouble();
            obs.measurement(Measurement.of("ap", name, a.getAsDouble(), n));
            obs.measurement(Measurement.of("ap50", name, a50, n));
            names.add(name);
            ap.add(a.getAsDouble());
            ap50.add(a50);
            rows.add(List.of(name, m.categories().get(c).id(), a.getAsDouble(), a50));
            curves.add(m.precisionCurve50(c));
        }
        obs.table(new EvidenceTable("Average precision per category (categories with ground truth)",
                List.of("category", "id", "AP@[.50:.95]", "AP@.50"), rows));
        if (!names.isEmpty()) {
            obs.chart(new BarChart("Average precision per category", "AP@[.50:.95] and AP@.50, all sizes, 100 detections "
                    + "per image", "AP", names, List.of("AP@[.50:.95]", "AP@.50"),
                    List.of(toArray(ap), toArray(ap50))));
            obs.chart(curves(names, curves));
        }
        int absent = m.categories().size() - names.size();
        if (absent > 0) {
            obs.note(absent + " of " + m.categories().size() + " categories have no ground truth and are left out of the "
                    + "means, as in pycocotools.");
        }
        OptionalDouble map = summary.get("map");
        obs.summary(String.format(Locale.ROOT, "%s mAP@[.50:.95] %s over %d images, %d categories, %d detections",
                iouType.id(), map.isPresent() ? String.format(Locale.ROOT, "%.4f", map.getAsDouble()) : "undefined",
                data.imageIds().length, names.size(), data.detections().size()));
        return obs;
    }

    private static XYChart curves(List<String> names, List<double[]> curves) {
        double[] recall = CocoMetrics.recallThresholds();
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_CURVES, names.size()); i++) {
            series.add(new Series(names.get(i), recall, curves.get(i), Series.Style.LINE));
        }
        String caption = "Interpolated precision at the 101 recall thresholds of COCO, IoU 0.50"
                + (names.size() > MAX_CURVES ? "; the first " + MAX_CURVES + " of " + names.size() + " categories" : "");
        return new XYChart("Precision-recall at IoU 0.50", caption, Axis.unit("recall"), Axis.unit("precision"), series);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
