package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.ArrayList;
import java.util.List;

/** {@code type: quality_under_load}: predictions under load equal those at rest, e.g. {@code mismatched_rows == 0}. */
public final class QualityUnderLoadCheckKind implements CheckKind {

    @Override
    public String id() {
        return QualityUnderLoadCheck.KIND;
    }

    @Override
    public String description() {
        return "Predictions returned under load equal those at rest: no mixed-up, truncated or degraded answers.";
    }

    @Override
    public List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(LoadCheckSettings.KEYS);
        keys.add(new ConfigKey("tolerance", "the largest difference of a probability or value that still matches (default 1e-9)"));
        return keys;
    }

    @Override
    public String measures() {
        return "mismatch_rate, mismatched_rows, mismatched_requests, compared_rows, error_rate";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Predictions under load equal those at rest";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        double tolerance = config.number("tolerance", 1e-9);
        if (!(tolerance >= 0)) {
            throw config.error("tolerance", "'tolerance' must be 0 or more, found " + tolerance + ".");
        }
        return new QualityUnderLoadCheck(setup, LoadCheckSettings.from(config), tolerance);
    }
}
