package dev.assay.core.vision;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKind.ConfigKey;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code type: detection}: COCO mAP and AR of a detections file against COCO ground truth
 * ({@link DetectionCheck}); keys {@code ground_truth}, {@code detections}, {@code iou_type}, {@code metrics}.
 */
public final class DetectionCheckKind implements CheckKind {

    @Override
    public String id() {
        return DetectionCheck.KIND;
    }

    @Override
    public String description() {
        return "COCO object detection evaluation as pycocotools: mAP@[.50:.95], mAP@.50, mAP@.75, AR@1/10/100, "
                + "per-size and per-category average precision.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("ground_truth", "COCO JSON with images, annotations and categories (path relative to the suite)"),
                new ConfigKey("detections", "JSON list of {image_id, category_id, bbox, score} (path relative to the suite)"),
                new ConfigKey("iou_type", "bbox (default) or segm (masks as RLE)"),
                new ConfigKey("metrics", "summary numbers to measure (default all): " + String.join(", ",
                        CocoMetrics.SUMMARY_IDS)));
    }

    @Override
    public String measures() {
        return String.join(", ", CocoMetrics.SUMMARY_IDS) + ", ap[category], ap50[category]";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Detection (" + config.string("iou_type", IouType.BBOX.id()) + " mAP)";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        if (!config.has("ground_truth")) {
            throw config.error("ground_truth", "missing key 'ground_truth': the COCO JSON file of the ground truth.");
        }
        if (!config.has("detections")) {
            throw config.error("detections", "missing key 'detections': the JSON list of detections.");
        }
        IouType type;
        try {
            type = IouType.parse(config.string("iou_type", IouType.BBOX.id()), "'iou_type'");
        } catch (InvalidInputException e) {
            throw config.error("iou_type", e.getMessage());
        }
        List<String> metrics = config.strings("metrics");
        for (String m : metrics) {
            if (!CocoMetrics.SUMMARY_IDS.contains(m)) {
                throw config.error("metrics", "unknown metric '" + m + "'; choose from " + String.join(", ",
                        CocoMetrics.SUMMARY_IDS) + ".");
            }
        }
        return new DetectionCheck(setup, Path.of(config.location("ground_truth", null)),
                Path.of(config.location("detections", null)), type, metrics.isEmpty() ? CocoMetrics.SUMMARY_IDS : metrics);
    }
}
