package dev.assay.core.vision;

import dev.assay.core.chart.BarChart;
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

/**
 * {@code type: segmentation}: counts folders of true and predicted label masks ({@link SegmentationMasks}) and
 * measures {@code pixel_accuracy}, {@code mean_iou} and {@code iou[class]} ({@link SegmentationMetrics}), with a
 * bar chart of the class IoUs. The suite's data set is not used.
 */
public final class SegmentationCheck extends MeasuringCheck {
    public static final String KIND = "segmentation";
    private final Path truth;
    private final Path predictions;
    private final List<String> classes;
    private final int ignoreLabel;

    SegmentationCheck(CheckSetup setup, Path truth, Path predictions, List<String> classes, int ignoreLabel) {
        super(setup, KIND, List.of("pixel_accuracy", "mean_iou", "iou"), Requirements.NONE);
        this.truth = truth;
        this.predictions = predictions;
        this.classes = List.copyOf(classes);
        this.ignoreLabel = ignoreLabel;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("truth", truth.toString());
        s.put("predictions", predictions.toString());
        s.put("classes", String.join(", ", classes));
        s.put("ignore_label", Integer.toString(ignoreLabel));
        return s;
    }

    @Override
    protected Observations measure(CheckContext context) {
        int images = SegmentationMasks.pairs(truth, predictions).size();
        SegmentationMetrics m = SegmentationMasks.evaluate(truth, predictions, classes.size(), ignoreLabel);
        long n = m.pixels();
        Observations obs = new Observations();
        obs.measurement(Measurement.of("pixel_accuracy", m.pixelAccuracy(), n));
        obs.measurement(Measurement.of("mean_iou", m.meanIou(), n));
        List<String> present = new ArrayList<>();
        List<Double> ious = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            double iou = m.classIou(c);
            if (Double.isNaN(iou)) {
                continue;
            }
            obs.measurement(Measurement.of("iou", classes.get(c), iou, n));
            present.add(classes.get(c));
            ious.add(iou);
            rows.add(List.of(classes.get(c), c, iou));
        }
        obs.table(new EvidenceTable("IoU per class (classes in the truth or the prediction)", List.of("class", "label", "IoU"),
                rows));
        if (!present.isEmpty()) {
            obs.chart(new BarChart("IoU per class", "Intersection over union of each class's pixels over all images", "IoU",
                    present, List.of("IoU"), List.of(ious.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        if (present.size() < classes.size()) {
            obs.note((classes.size() - present.size()) + " of " + classes.size() + " classes appear in neither truth nor "
                    + "prediction and are left out of the mean IoU.");
        }
        obs.summary(String.format(Locale.ROOT, "mean IoU %.4f, pixel accuracy %.4f over %d images (%d pixels counted)",
                m.meanIou(), m.pixelAccuracy(), images, n));
        return obs;
    }
}
