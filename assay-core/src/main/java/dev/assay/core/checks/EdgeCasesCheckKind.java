package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.List;

/**
 * {@code type: edge_cases}: predicts boundary inputs made from the data ({@link dev.assay.core.robustness.edge.EdgeCases})
 * and measures {@code crashes}, {@code non_finite}, {@code out_of_range} and {@code cases}.
 */
public final class EdgeCasesCheckKind implements CheckKind {

    @Override
    public String id() {
        return EdgeCasesCheck.KIND;
    }

    @Override
    public String description() {
        return "Edge cases from the data's schema and ranges (min, max, just outside, zero, empty, unseen categories, missing): "
                + "crashes, non-finite outputs and out-of-range probabilities, with the input rows.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("columns", "the inputs to vary (default the model's inputs)"),
                new ConfigKey("batch", "rows per model call (default 256); a batch that throws is split to find the rows"));
    }

    @Override
    public String measures() {
        return "crashes, non_finite, out_of_range, cases";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withModel();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Edge cases";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        long batch = config.integer("batch", 256);
        if (batch < 1 || batch > 1_000_000) {
            throw config.error("batch", "batch must be a whole number from 1 to 1000000, found " + batch + ".");
        }
        return new EdgeCasesCheck(setup, config.strings("columns"), (int) batch);
    }
}
