package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKind.ConfigKey;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.methods.ExplainMethod;
import java.util.List;

/**
 * {@code type: explanation}: explains the suite's model ({@code method}: kernel_shap, exact, permutation...)
 * on up to {@code max_rows} rows against a background of {@code background} rows and measures
 * {@code importance[f]}, {@code rank[f]}, {@code concentration}, {@code stability},
 * {@code additivity_error} and {@code model_calls} ({@link ExplanationCheck}).
 */
public final class ExplanationCheckKind implements CheckKind {
    static final int DEFAULT_MAX_ROWS = 100;
    static final int DEFAULT_BACKGROUND = 50;

    @Override
    public String id() {
        return ExplanationCheck.KIND;
    }

    @Override
    public String description() {
        return "Explains the model (KernelSHAP, exact Shapley values or permutation importance) and tests the explanation: "
                + "feature ranks and importances, concentration on one feature, stability across seeds, additivity.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("method", "kernel_shap (default), exact, permutation; tree_shap and lime where available"),
                new ConfigKey("features", "the columns explained (default the model's inputs)"),
                new ConfigKey("max_rows", "explain a random sample of this many rows, drawn with the seed (default "
                        + DEFAULT_MAX_ROWS + ")"),
                new ConfigKey("background", "background rows sampled from the data (default " + DEFAULT_BACKGROUND + ")"),
                new ConfigKey("output", "the class whose probability is explained (default the positive, last class)"),
                new ConfigKey("metric", "the metric permutation importance scores (default accuracy)"));
    }

    @Override
    public String measures() {
        return "importance[feature], rank[feature], concentration, stability, additivity_error, model_calls";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withModel();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Explanation (" + config.string("method", ExplainMethod.KERNEL_SHAP.id()) + ")";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        ExplainMethod method;
        try {
            method = ExplainMethod.parse(config.string("method", ExplainMethod.KERNEL_SHAP.id()), "'method'");
        } catch (InvalidInputException e) {
            throw config.error("method", e.getMessage());
        }
        int maxRows = config.positiveInt("max_rows", DEFAULT_MAX_ROWS);
        long background = config.integer("background", DEFAULT_BACKGROUND);
        if (background < 1 || background > 100_000) {
            throw config.error("background", "background must be a whole number of rows from 1 to 100000, found " + background
                    + ".");
        }
        if (method != ExplainMethod.PERMUTATION && config.has("metric")) {
            throw config.error("metric", "'metric' is a setting of method permutation only; leave it out for " + method.id() + ".");
        }
        return new ExplanationCheck(setup, method, config.strings("features"), maxRows, (int) background,
                config.string("output", null), config.string("metric", "accuracy"));
    }
}
