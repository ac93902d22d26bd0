package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code type: drift}: univariate drift of columns between the reference and the current data (see
 * {@link dev.assay.core.drift.DriftAnalysis}). Keys: {@code columns} (default the features, plus the
 * prediction and score columns), {@code method} (auto, ks, chi2, cramer_von_mises, psi, wasserstein,
 * jensen_shannon, hellinger; default auto), {@code threshold}, {@code thresholds} (per column),
 * {@code fdr} (default true), {@code min_effect} (default 0), {@code drift_share} (default 0.5),
 * {@code bins} (default 10).
 */
public final class DriftCheckKind implements CheckKind {
    private static final String METHODS = "auto, " + Arrays.stream(DriftMethod.values()).map(DriftMethod::id)
            .collect(Collectors.joining(", "));

    @Override
    public String id() {
        return DriftCheck.KIND;
    }

    @Override
    public String description() {
        return "Data drift: per column Kolmogorov-Smirnov, chi-square, Cramer-von Mises, PSI, Wasserstein, Jensen-Shannon"
                + " or Hellinger between reference and current data, with effect sizes and Benjamini-Hochberg FDR control.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("columns", "the columns to compare (default: the feature columns, plus prediction and score)"),
                new ConfigKey("method", METHODS + " (default auto: KS or chi-square up to " + DriftSettings.AUTO_ROWS
                        + " reference rows, normalised Wasserstein or Jensen-Shannon above)"),
                new ConfigKey("threshold", "significance level of a test or drift distance, for every column (default per"
                        + " method: 0.05 for tests, 0.1 for distances)"),
                new ConfigKey("thresholds", "thresholds of single columns, e.g. {age: 0.2}"),
                new ConfigKey("fdr", "adjust test p-values across columns by Benjamini-Hochberg (default true)"),
                new ConfigKey("min_effect", "the smallest effect size a test needs to flag drift (default 0)"),
                new ConfigKey("drift_share", "the share of drifted columns from which the data set has drifted (default "
                        + DriftSettings.DEFAULT_DRIFT_SHARE + ")"),
                new ConfigKey("bins", "reference-quantile bins of numeric columns for PSI, Jensen-Shannon and Hellinger, 2 to"
                        + " 100 (default " + DriftSettings.DEFAULT_BINS + ")"));
    }

    @Override
    public String measures() {
        return String.join(", ", DriftCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withReference();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Drift (" + config.string("method", "auto") + ")";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        return new DriftCheck(setup, settings(config), config.strings("columns"));
    }

    static DriftSettings settings(CheckConfig config) {
        String id = config.string("method", "auto");
        DriftMethod method = id.equalsIgnoreCase("auto") ? null : DriftMethod.byId(id);
        if (method == null && !id.equalsIgnoreCase("auto")) {
            throw config.error("method", "unknown drift method '" + id + "'; use one of " + METHODS + ".");
        }
        Double threshold = config.has("threshold") ? positive(config, "threshold", config.number("threshold", 0)) : null;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        config.stringMap("thresholds").forEach((column, value) -> {
            try {
                thresholds.put(column, positive(config, "thresholds", Double.parseDouble(value.trim())));
            } catch (NumberFormatException e) {
                throw config.error("thresholds", "the threshold of column '" + column + "' must be a number, found '"
                        + value + "'.");
            }
        });
        double share = config.number("drift_share", DriftSettings.DEFAULT_DRIFT_SHARE);
        if (!(share > 0 && share <= 1)) {
            throw config.error("drift_share", "'drift_share' is a share of columns in (0, 1], found " + share + ".");
        }
        long bins = config.integer("bins", DriftSettings.DEFAULT_BINS);
        if (bins < 2 || bins > 100) {
            throw config.error("bins", "'bins' must be from 2 to 100, found " + bins + ".");
        }
        double minEffect = config.number("min_effect", 0);
        if (!(minEffect >= 0)) {
            throw config.error("min_effect", "'min_effect' must be 0 or more, found " + minEffect + ".");
        }
        return new DriftSettings(method, threshold, thresholds, config.bool("fdr", true), minEffect, share, (int) bins);
    }

    private static double positive(CheckConfig config, String key, double value) {
        if (!(value > 0)) {
            throw config.error(key, "a drift threshold must be a positive number, found " + value + ".");
        }
        return value;
    }
}
