package dev.assay.core.vision;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKind.ConfigKey;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code type: segmentation}: pixel accuracy and mean IoU of predicted label masks against true ones
 * ({@link SegmentationCheck}); keys {@code truth}, {@code predictions}, {@code classes}, {@code ignore_label}.
 */
public final class SegmentationCheckKind implements CheckKind {
    static final int DEFAULT_IGNORE = 255;

    @Override
    public String id() {
        return SegmentationCheck.KIND;
    }

    @Override
    public String description() {
        return "Semantic segmentation: pixel accuracy, mean IoU and per-class IoU of PNG label masks.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("truth", "folder of true PNG label masks, one class index per pixel (relative to the suite)"),
                new ConfigKey("predictions", "folder of predicted PNG label masks with the same file names"),
                new ConfigKey("classes", "the number of classes, or their names in index order"),
                new ConfigKey("ignore_label", "truth label left out of every count (default 255, as Pascal VOC)"));
    }

    @Override
    public String measures() {
        return "pixel_accuracy, mean_iou, iou[class]";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Segmentation (mean IoU)";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        for (String key : List.of("truth", "predictions", "classes")) {
            if (!config.has(key)) {
                throw config.error(key, "missing key '" + key + "': " + keys().stream().filter(k -> k.name().equals(key))
                        .findFirst().orElseThrow().description() + ".");
            }
        }
        List<String> names = config.strings("classes");
        int classes;
        if (names.size() == 1 && names.get(0).strip().matches("\\d+")) {
            classes = (int) config.integer("classes", 0);
            names = List.of();
        } else {
            classes = names.size();
        }
        if (classes < 1) {
            throw config.error("classes", "'classes' must be a positive number of classes or a list of their names.");
        }
        long ignore = config.integer("ignore_label", DEFAULT_IGNORE);
        return new SegmentationCheck(setup, Path.of(config.location("truth", null)), Path.of(config.location("predictions", null)),
                SegmentationMasks.classNames(names, classes), (int) ignore);
    }
}
