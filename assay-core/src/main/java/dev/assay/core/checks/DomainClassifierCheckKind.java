package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.drift.domain.DomainSettings;
import java.util.List;

/**
 * {@code type: domain_classifier}: multivariate drift, how well a classifier tells reference rows
 * from current rows (see {@link dev.assay.core.drift.domain.DomainClassifier}). Keys: {@code columns}
 * (default the features plus prediction and score), {@code folds} (default 5), {@code rounds}
 * (default 100), {@code learning_rate} (default 0.1), {@code confidence} (default 0.95).
 */
public final class DomainClassifierCheckKind implements CheckKind {
    @Override
    public String id() {
        return DomainClassifierCheck.KIND;
    }

    @Override
    public String description() {
        return "Multivariate drift: the cross-validated ROC AUC (DeLong interval) of a classifier telling reference from"
                + " current rows, and the features that separate them most.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("columns", "the columns the classifier reads (default: the feature columns, plus prediction and"
                        + " score)"),
                new ConfigKey("folds", "cross-validation folds, 2 to 20 (default " + DomainSettings.DEFAULT_FOLDS + ")"),
                new ConfigKey("rounds", "boosting rounds of stumps (default " + DomainSettings.DEFAULT_ROUNDS + ")"),
                new ConfigKey("learning_rate", "shrinkage of each stump, in (0, 1] (default "
                        + DomainSettings.DEFAULT_LEARNING_RATE + ")"),
                new ConfigKey("confidence", "level of the AUC interval (default 0.95)"));
    }

    @Override
    public String measures() {
        return String.join(", ", DomainClassifierCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withReference();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Domain classifier";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        long folds = config.integer("folds", DomainSettings.DEFAULT_FOLDS);
        if (folds < 2 || folds > 20) {
            throw config.error("folds", "'folds' must be from 2 to 20, found " + folds + ".");
        }
        long rounds = config.integer("rounds", DomainSettings.DEFAULT_ROUNDS);
        if (rounds < 1 || rounds > 10_000) {
            throw config.error("rounds", "'rounds' must be from 1 to 10000, found " + rounds + ".");
        }
        double rate = config.number("learning_rate", DomainSettings.DEFAULT_LEARNING_RATE);
        if (!(rate > 0 && rate <= 1)) {
            throw config.error("learning_rate", "'learning_rate' must be in (0, 1], found " + rate + ".");
        }
        double confidence = config.number("confidence", 0.95);
        if (!(confidence > 0 && confidence < 1)) {
            throw config.error("confidence", "'confidence' must be in (0, 1), e.g. 0.95, found " + confidence + ".");
        }
        return new DomainClassifierCheck(setup, new DomainSettings((int) folds, (int) rounds, rate, confidence, setup.seed()),
                config.strings("columns"));
    }
}
