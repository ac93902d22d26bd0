package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.exposure.ExposurePlan;
import java.util.List;

/**
 * {@code type: exposure}: fairness of exposure in rankings. {@code group: sex} names the protected
 * column, {@code score: proba} (higher first) or {@code rank: position} (1 first) the order,
 * {@code query: purpose} the column of separate rankings (one ranking when absent), {@code relevance:
 * label01} each row's relevance, {@code k: 10} the top length. Measures {@code exposure_ratio},
 * {@code disparate_treatment_ratio} (with relevance) and per group {@code exposure[sex=Female]},
 * {@code relevance[...]}, {@code exposure_per_relevance[...]}, {@code share[...]},
 * {@code top_k_share[...]} and {@code top_k_ratio[...]}.
 */
public final class ExposureCheckKind implements CheckKind {

    @Override
    public String id() {
        return ExposureCheck.KIND;
    }

    @Override
    public String description() {
        return "Fairness of exposure in rankings: position-discounted exposure per group, exposure against relevance, and "
                + "each group's share of the top k.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("group", "the protected column, e.g. sex"),
                new ConfigKey("score", "the column that ranks rows, higher first (default the score column, e.g. the model's "
                        + "probability of the positive class)"),
                new ConfigKey("rank", "instead of score: the column of ranks, 1 first"),
                new ConfigKey("query", "the column naming each row's ranking (default: all rows are one ranking)"),
                new ConfigKey("relevance", "the column of each row's relevance: numbers, or categories where evaluation.positive is relevant "
                        + "(e.g. the label); optional"),
                new ConfigKey("k", "the top length counted by top_k_share (default " + ExposurePlan.DEFAULT_K + ")"));
    }

    @Override
    public String measures() {
        return "exposure_ratio, disparate_treatment_ratio; per group exposure[sex=Female], relevance, exposure_per_relevance, "
                + "share, top_k_share, top_k_ratio";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Exposure by " + config.string("group", "group");
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        long k = config.integer("k", ExposurePlan.DEFAULT_K);
        if (k < 1 || k > Integer.MAX_VALUE) {
            throw config.error("k", "k must be a positive whole number, found " + k + ".");
        }
        if (!config.has("group")) {
            throw config.error("group", "name the protected column, e.g. group: sex.");
        }
        try {
            ExposurePlan plan = new ExposurePlan(config.string("query", null), config.string("score", null),
                    config.string("rank", null), config.string("group", null), config.string("relevance", null), setup.evaluation().positiveClass(), (int) k);
            return new ExposureCheck(setup, plan, message -> config.error("group", message));
        } catch (InvalidInputException e) {
            throw config.error("rank", e.getMessage());
        }
    }
}
