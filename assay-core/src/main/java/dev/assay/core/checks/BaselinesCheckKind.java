package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.List;

/**
 * {@code type: baselines}: class imbalance and the model's accuracy against scikit-learn's
 * {@code DummyClassifier} baselines, for binary and multiclass classification, with {@code margin:
 * 0.01} (the lift over the majority-class baseline below which accuracy is called misleading). See
 * {@link BaselinesCheck} for the definitions.
 */
public final class BaselinesCheckKind implements CheckKind {
    /** The default of key {@code margin}. */
    public static final double DEFAULT_MARGIN = 0.01;

    @Override
    public String id() {
        return BaselinesCheck.KIND;
    }

    @Override
    public String description() {
        return "Class imbalance and accuracy against dummy baselines (most frequent, stratified, uniform), with minority-class"
                + " precision, recall, F1 and average precision.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("margin", "a note warns that accuracy is misleading when the model's accuracy is below the"
                + " majority-class baseline plus this margin (default " + DEFAULT_MARGIN + ", 0 to 1)"));
    }

    @Override
    public String measures() {
        return String.join(", ", BaselinesCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Baselines and class imbalance";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        double margin = config.number("margin", DEFAULT_MARGIN);
        if (!(margin >= 0 && margin <= 1)) {
            throw config.error("margin", "the margin is a difference of accuracies, from 0 to 1, found " + margin + ".");
        }
        return new BaselinesCheck(setup, margin);
    }
}
