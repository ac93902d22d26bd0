package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.counterfactual.CounterfactualPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: counterfactual}: the counterfactual flip test. {@code attribute: sex} (or
 * {@code attributes: [sex, race]}) is set to each other value of the attribute on every row, all other
 * values kept, and the model predicts again; {@code values: [Male, Female]} flips between those values
 * only; {@code max_rows: 10000} flips a sample drawn with the suite's seed on larger data. Measures
 * {@code flip_rate}, {@code mean_abs_score_change}, {@code max_score_change} and
 * {@code mean_score_change} overall and per pair as {@code flip_rate[sex=Male->Female]}.
 */
public final class CounterfactualCheckKind implements CheckKind {

    @Override
    public String id() {
        return CounterfactualCheck.KIND;
    }

    @Override
    public String description() {
        return "Counterfactual flip test: changes only the protected attribute of each row and measures how often the "
                + "predicted class changes and how far the score moves, per pair of groups.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("attribute", "the protected column to flip, e.g. sex"),
                new ConfigKey("attributes", "several protected columns, each flipped on its own, e.g. [sex, race]"),
                new ConfigKey("values", "flip between these values only, e.g. [Male, Female] (default every value that occurs)"),
                new ConfigKey("max_rows", "flip a sample of this many rows, drawn with the suite's seed, on larger data (default "
                        + CounterfactualPlan.DEFAULT_MAX_ROWS + ")"));
    }

    @Override
    public String measures() {
        return "flip_rate, mean_abs_score_change, max_score_change, mean_score_change; each also per pair of groups as "
                + "flip_rate[sex=Male->Female] and per attribute as flip_rate[sex] when several are flipped";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withModel();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Counterfactual flips of " + String.join(", ", attributes(config));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> attributes = attributes(config);
        if (attributes.isEmpty()) {
            throw config.error("attribute", "name the protected column to flip, e.g. attribute: sex.");
        }
        int maxRows = config.positiveInt("max_rows", CounterfactualPlan.DEFAULT_MAX_ROWS);
        try {
            CounterfactualPlan plan = new CounterfactualPlan(attributes, config.strings("values"),
                    setup.evaluation().positiveClass(), maxRows, setup.seed());
            return new CounterfactualCheck(setup, plan, message -> config.error("attribute", message));
        } catch (InvalidInputException e) {
            throw config.error("values", e.getMessage());
        }
    }

    private static List<String> attributes(CheckConfig config) {
        List<String> out = new ArrayList<>(config.strings("attribute"));
        for (String a : config.strings("attributes")) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
