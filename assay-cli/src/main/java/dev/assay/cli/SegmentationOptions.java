package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.vision.SegmentationMasks;
import dev.assay.core.vision.SegmentationMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code assay evaluate --task segmentation}: folders of true and predicted PNG label masks;
 * prints pixel accuracy, mean IoU and the IoU of each class.
 */
final class SegmentationOptions {
    static final String TASK = "segmentation";

    @Option(names = "--truth-masks", paramLabel = "DIR",
            description = "With --task segmentation: folder of true PNG label masks (one class index per pixel).")
    Path truth;

    @Option(names = "--predicted-masks", paramLabel = "DIR",
            description = "With --task segmentation: folder of predicted PNG label masks with the same file names.")
    Path predicted;

    @Option(names = "--classes", paramLabel = "N", description = "With --task segmentation: the number of classes.")
    Integer classes;

    @Option(names = "--ignore-label", paramLabel = "L", defaultValue = "255",
            description = "With --task segmentation: truth label left out of every count (default: ${DEFAULT-VALUE}).")
    int ignoreLabel;

    /** Whether {@code --task} asks for segmentation. */
    static boolean selected(String task) {
        return task != null && task.strip().equalsIgnoreCase(TASK);
    }

    /** Rejects the segmentation options outside {@code --task segmentation}. */
    void requireAbsent() {
        if (truth != null || predicted != null || classes != null) {
            throw new InvalidInputException("--truth-masks, --predicted-masks and --classes are read with --task segmentation; "
                    + "add it, or leave them out.");
        }
    }

    /** Evaluates and prints; {@code data} and {@code label} must be absent. */
    int run(PrintWriter out, boolean json, Path data, String label) {
        if (data != null || label != null) {
            throw new InvalidInputException("--task segmentation reads --truth-masks and --predicted-masks; leave out --data "
                    + "and --label.");
        }
        if (truth == null || predicted == null || classes == null) {
            throw new InvalidInputException("--task segmentation needs --truth-masks DIR, --predicted-masks DIR and --classes N.");
        }
        if (classes < 1) {
            throw new InvalidInputException("--classes must be a positive number of classes, found " + classes + ".");
        }
        int images = SegmentationMasks.pairs(truth, predicted).size();
        SegmentationMetrics m = SegmentationMasks.evaluate(truth, predicted, classes, ignoreLabel);
        if (json) {
            out.println(toJson(m, images));
        } else {
            out.printf(Locale.ROOT, "segmentation evaluation of %s against %s (%d images, %d pixels counted)%n%n", predicted, truth,
                    images, m.pixels());
            out.printf(Locale.ROOT, "  %-16s  %s%n", "pixel_accuracy", Format.number(m.pixelAccuracy()));
            out.printf(Locale.ROOT, "  %-16s  %s%n%nIoU per class%n", "mean_iou", Format.number(m.meanIou()));
            for (int c = 0; c < classes; c++) {
                double iou = m.classIou(c);
                out.printf(Locale.ROOT, "  %-16d  %s%n", c, Double.isNaN(iou) ? "in neither truth nor prediction"
                        : Format.number(iou));
            }
        }
        return ExitCode.PASS;
    }

    private String toJson(SegmentationMetrics m, int images) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("task", TASK);
        root.put("truth_masks", truth.toString());
        root.put("predicted_masks", predicted.toString());
        root.put("images", images);
        root.put("pixels", m.pixels());
        ObjectNode metrics = root.putObject("metrics");
        number(metrics, "pixel_accuracy", m.pixelAccuracy());
        number(metrics, "mean_iou", m.meanIou());
        ObjectNode iou = root.putObject("iou");
        for (int c = 0; c < classes; c++) {
            number(iou, Integer.toString(c), m.classIou(c));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isNaN(v)) {
            node.putNull(key);
        } else {
            node.put(key, v);
        }
    }
}
