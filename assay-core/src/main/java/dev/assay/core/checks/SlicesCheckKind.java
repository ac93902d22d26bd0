package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.SlicePlan;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: slices}: metrics per slice of the data. {@code columns: [sex, age]} slices by each
 * column (quantile bins for numbers, {@code bins: 4}; one slice per value for categories; missing
 * values as a slice of their own); {@code pairs: true} adds every pair of those columns, or
 * {@code pairs: ["sex & age"]} the pairs named; {@code min_size: 30} skips smaller slices;
 * {@code metrics: [recall, precision, f1]} (default by task); {@code ci} as on the metric check,
 * by default a 95% Wilson interval of the proportions. Members read {@code recall[sex=Female]},
 * {@code recall[age=28..37]} (the edges of the bin {@code (28, 37]}), {@code recall[workclass=(missing)]}
 * and {@code recall[sex=Female,age=28..37]}.
 */
public final class SlicesCheckKind implements CheckKind {
    static final IntervalSettings DEFAULT_CI = new IntervalSettings(IntervalMethod.WILSON, IntervalSettings.DEFAULT_RESAMPLES,
            IntervalSettings.DEFAULT_LEVEL);

    @Override
    public String id() {
        return SlicesCheck.KIND;
    }

    @Override
    public String description() {
        return "Metrics on every slice of the data by one column or a pair of columns, with each slice's size and interval.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("columns", "the columns to slice by, e.g. [sex, age]"),
                new ConfigKey("pairs", "true for every pair of the columns, or pairs named as \"sex & age\" (default false)"),
                new ConfigKey("bins", "quantile bins of a numeric column, 2 to 100 (default " + Binning.DEFAULT.quantiles()
                        + "); a column with no more distinct values gets one slice per value"),
                new ConfigKey("min_size", "the fewest rows a slice needs to be measured (default " + SlicePlan.DEFAULT_MIN_SIZE
                        + "); smaller slices are listed as skipped"),
                new ConfigKey("metrics", "the metric ids to measure per slice (default: recall, precision, f1 for binary; "
                        + "accuracy, f1_macro for multiclass; mae, rmse for regression)"),
                new ConfigKey("ci", "intervals as on the metric check (true, or {method, resamples, level}); default a 95% "
                        + "Wilson interval of the proportions, false for none"));
    }

    @Override
    public String measures() {
        return "each metric per slice, as recall[sex=Female], recall[age=28..37], recall[sex=Female,age=28..37]";
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Slices by " + String.join(", ", config.strings("columns"));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> columns = config.strings("columns");
        List<List<String>> pairs = pairs(config, columns);
        if (columns.isEmpty() && pairs.isEmpty()) {
            throw config.error("columns", "name the columns to slice by, e.g. columns: [sex, age].");
        }
        long bins = config.integer("bins", Binning.DEFAULT.quantiles());
        long minSize = config.integer("min_size", SlicePlan.DEFAULT_MIN_SIZE);
        if (minSize < 1 || minSize > Integer.MAX_VALUE) {
            throw config.error("min_size", "the minimum slice size must be a positive whole number, found " + minSize + ".");
        }
        List<String> metrics = config.strings("metrics");
        MetricCheckKind.requireKnown(metrics, setup.evaluation().task(), (k, message) -> config.error("metrics", message));
        IntervalSettings ci = config.has("ci") ? MetricCheckKind.intervals(config, metrics) : DEFAULT_CI;
        Binning binning;
        try {
            binning = new Binning((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, bins)), Binning.DEFAULT.maxLevels());
        } catch (InvalidInputException e) {
            throw config.error("bins", e.getMessage());
        }
        return new SlicesCheck(setup, columns, pairs, binning, (int) minSize, metrics, ci,
                message -> config.error("columns", message));
    }

    /** {@code pairs: true} (every pair of the columns), false, or a list of {@code "a & b"}. */
    private static List<List<String>> pairs(CheckConfig config, List<String> columns) {
        if (!config.has("pairs")) {
            return List.of();
        }
        List<String> given = config.strings("pairs");
        if (given.size() == 1 && !given.get(0).contains("&")) {
            if (!config.bool("pairs", false)) {
                return List.of();
            }
            if (columns.size() < 2) {
                throw config.error("pairs", "pairs: true pairs up the columns, so name two or more under 'columns'.");
            }
            return SlicePlan.allPairs(columns);
        }
        List<List<String>> out = new ArrayList<>();
        for (String p : given) {
            String[] parts = p.split("&", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank() || parts[0].strip().equals(parts[1].strip())) {
                throw config.error("pairs", "cannot read the pair '" + Excerpt.of(p) + "': write two different columns joined by"
                        + " '&', e.g. \"sex & age\", or pairs: true for every pair of the columns.");
            }
            out.add(List.of(parts[0].strip(), parts[1].strip()));
        }
        return out;
    }
}
