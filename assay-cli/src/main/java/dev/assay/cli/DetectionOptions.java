package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.vision.CocoDataset;
import dev.assay.core.vision.CocoEvaluator;
import dev.assay.core.vision.CocoJson;
import dev.assay.core.vision.CocoMetrics;
import dev.assay.core.vision.IouType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * The options of {@code assay evaluate --task detection}: COCO ground truth and detections, evaluated as
 * pycocotools' COCOeval; prints the twelve summary numbers and the AP of each category.
 */
final class DetectionOptions {
    static final String TASK = "detection";

    @Option(names = "--ground-truth", paramLabel = "COCO.json",
            description = "With --task detection: COCO ground truth (images, annotations, categories).")
    Path groundTruth;

    @Option(names = "--detections", paramLabel = "DETS.json",
            description = "With --task detection: JSON list of {image_id, category_id, bbox, score}.")
    Path detections;

    @Option(names = "--iou-type", paramLabel = "TYPE", defaultValue = "bbox",
            description = "With --task detection: bbox or segm (masks as RLE) (default: ${DEFAULT-VALUE}).")
    String iouType;

    /** Whether {@code --task} asks for detection. */
    static boolean selected(String task) {
        return task != null && task.strip().equalsIgnoreCase(TASK);
    }

    /** Rejects the detection options outside {@code --task detection}. */
    void requireAbsent() {
        if (groundTruth != null || detections != null) {
            throw new InvalidInputException("--ground-truth and --detections are read with --task detection; add it, or leave "
                    + "them out to evaluate --data.");
        }
    }

    /** Evaluates and prints; {@code data} and {@code label} must be absent. */
    int run(PrintWriter out, boolean json, Path data, String label) {
        if (data != null || label != null) {
            throw new InvalidInputException("--task detection reads --ground-truth and --detections; leave out --data and --label.");
        }
        if (groundTruth == null || detections == null) {
            throw new InvalidInputException("--task detection needs --ground-truth COCO.json and --detections DETS.json.");
        }
        IouType type = IouType.parse(iouType, "--iou-type");
        CocoDataset dataset = CocoJson.read(groundTruth, detections, type);
        CocoMetrics metrics = CocoEvaluator.evaluate(dataset, type);
        if (json) {
            out.println(toJson(dataset, metrics, type));
        } else {
            printText(out, dataset, metrics, type);
        }
        return ExitCode.PASS;
    }

    private void printText(PrintWriter out, CocoDataset data, CocoMetrics m, IouType type) {
        out.printf(Locale.ROOT, "detection evaluation (%s) of %s against %s (%d images, %d detections)%n", type.id(), detections,
                groundTruth, data.imageIds().length, data.detections().size());
        out.println();
        for (Map.Entry<String, OptionalDouble> e : m.summary().entrySet()) {
            out.printf(Locale.ROOT, "  %-10s  %s%n", e.getKey(),
                    e.getValue().isPresent() ? Format.number(e.getValue().getAsDouble()) : "undefined: no ground truth in range");
        }
        out.println();
        out.println("AP per category (AP@[.50:.95], AP@.50)");
        for (int c = 0; c < m.categories().size(); c++) {
            OptionalDouble ap = m.classAp(c);
            out.printf(Locale.ROOT, "  %-20s  %s%n", m.categories().get(c).name(), ap.isPresent()
                    ? Format.number(ap.getAsDouble()) + "  " + Format.number(m.classAp50(c).getAsDouble()) : "no ground truth");
        }
    }

    private String toJson(CocoDataset data, CocoMetrics m, IouType type) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("task", TASK);
        root.put("iou_type", type.id());
        root.put("ground_truth", groundTruth.toString());
        root.put("detections", detections.toString());
        root.put("images", data.imageIds().length);
        root.put("detection_count", data.detections().size());
        ObjectNode metrics = root.putObject("metrics");
        m.summary().forEach((id, v) -> {
            if (v.isPresent()) {
                metrics.put(id, v.getAsDouble());
            } else {
                metrics.putNull(id);
            }
        });
        ArrayNode classes = root.putArray("categories");
        for (int c = 0; c < m.categories().size(); c++) {
            ObjectNode n = classes.addObject();
            n.put("id", m.categories().get(c).id());
            n.put("name", m.categories().get(c).name());
            OptionalDouble ap = m.classAp(c);
            if (ap.isPresent()) {
                n.put("ap", ap.getAsDouble());
                n.put("ap50", m.classAp50(c).getAsDouble());
            } else {
                n.putNull("ap");
                n.putNull("ap50");
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
