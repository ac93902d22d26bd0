package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code type: adversarial_detection}: the {@link dev.assay.core.robustness.detection.NoiseDetector} run on the
 * adversarial rows of {@code adversarial_file} and on the current (clean) data, measuring {@code detection_rate},
 * {@code false_positive_rate}, {@code adversarial_rows} and {@code clean_rows}.
 */
public final class AdversarialDetectionCheckKind implements CheckKind {

    @Override
    public String id() {
        return AdversarialDetectionCheck.KIND;
    }

    @Override
    public String description() {
        return "Detects adversarial examples by prediction instability under small Gaussian noise: detection rate on given "
                + "adversarial rows and false-positive rate on clean data, with Wilson intervals.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("adversarial_file", "a CSV of adversarial rows with the model's input columns"),
                new ConfigKey("copies", "noisy copies per row (default 20)"),
                new ConfigKey("sigma", "noise standard deviation in units of each column's spread (default 0.1)"),
                new ConfigKey("scale", "the spread: std or iqr (default std)"),
                new ConfigKey("share", "flag a row when its class changes in more than this share of copies (default 0.2)"),
                new ConfigKey("columns", "the numeric columns noised (default the model's inputs)"),
                new ConfigKey("immutable", "columns never noised"),
                new ConfigKey("max_rows", "clean rows used, a sample drawn with the seed (default 2000)"));
    }

    @Override
    public String measures() {
        return "detection_rate, false_positive_rate, adversarial_rows, clean_rows";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withModel();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Adversarial example detection";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        String file = config.location("adversarial_file", null);
        if (file == null) {
            throw config.error("adversarial_file", "missing key 'adversarial_file': a CSV of adversarial rows, e.g. as exported "
                    + "by an attack.");
        }
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw config.error("adversarial_file", "cannot read " + file + " (" + e.getMessage() + "); check the path, relative "
                    + "to the suite file.");
        }
        long copies = config.integer("copies", 20);
        if (copies < 1 || copies > 10_000) {
            throw config.error("copies", "copies must be a whole number from 1 to 10000, found " + copies + ".");
        }
        double share = config.number("share", 0.2);
        if (!(share >= 0 && share < 1)) {
            throw config.error("share", "share must be at least 0 and below 1, found " + share + ".");
        }
        int maxRows = config.positiveInt("max_rows", 2000);
        Perturbation noise;
        try {
            noise = PerturbationCatalog.create("gaussian_noise", PerturbationSettings.of(Map.of(
                    "sigma", config.number("sigma", 0.1), "scale", config.string("scale", "std"))));
        } catch (InvalidInputException e) {
            throw config.error(config.has("scale") ? "scale" : "sigma", e.getMessage());
        }
        return new AdversarialDetectionCheck(setup, new AdversarialDetectionCheck.Spec(file, text, noise, (int) copies, share,
                maxRows, config.strings("columns"), config.strings("immutable")));
    }
}
