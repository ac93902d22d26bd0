package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code type: partial_dependence}: the partial dependence and ICE curves of the model's output on
 * {@code columns} (and a heatmap for a {@code pair}), measuring {@code pd_range[col]} and, for columns
 * declared {@code increasing} or {@code decreasing}, {@code monotonicity_violation[col]}. See
 * {@link PartialDependenceCheck}.
 */
public final class PartialDependenceCheckKind implements CheckKind {
    static final int DEFAULT_MAX_ROWS = 1000;
    static final int DEFAULT_GRID = 100;
    static final int DEFAULT_ICE_LINES = 50;

    @Override
    public String id() {
        return PartialDependenceCheck.KIND;
    }

    @Override
    public String description() {
        return "Partial dependence and ICE curves of the model's output on columns (scikit-learn's definition), their range "
                + "and how far a curve declared monotone goes the other way.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("columns", "the columns to plot, e.g. [income, age] (the increasing and decreasing ones are added)"),
                new ConfigKey("increasing", "columns whose partial dependence must not decrease: measures monotonicity_violation[col]"),
                new ConfigKey("decreasing", "columns whose partial dependence must not increase: measures monotonicity_violation[col]"),
                new ConfigKey("pair", "two columns for a 2-D partial dependence heatmap, e.g. [age, duration]"),
                new ConfigKey("class", "the class whose probability is explained (default the positive class)"),
                new ConfigKey("grid_resolution", "grid points of a numeric column between its 5th and 95th percentiles (default "
                        + DEFAULT_GRID + "; its distinct values when fewer)"),
                new ConfigKey("centred", "plot ICE curves minus their value at the first grid point (default false)"),
                new ConfigKey("ice_lines", "how many rows' ICE curves to draw (default " + DEFAULT_ICE_LINES + ")"),
                new ConfigKey("max_rows", "average over a sample of this many rows, drawn with the seed (default " + DEFAULT_MAX_ROWS
                        + ")"));
    }

    @Override
    public String measures() {
        return "pd_range[col] (max - min of the partial dependence), monotonicity_violation[col] (the largest fall of a curve "
                + "declared increasing, or rise of one declared decreasing)";
    }

    @Override
    public Requirements requires() {
        return PartialDependenceCheck.REQUIREMENTS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        List<String> columns = columns(config);
        return "Partial dependence" + (columns.isEmpty() ? "" : " on " + String.join(", ", columns));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> increasing = config.strings("increasing");
        List<String> decreasing = config.strings("decreasing");
        for (String c : increasing) {
            if (decreasing.contains(c)) {
                throw config.error("decreasing", "column '" + c + "' is declared both increasing and decreasing; keep one.");
            }
        }
        List<String> pair = config.strings("pair");
        if (!pair.isEmpty() && (pair.size() != 2 || pair.get(0).equals(pair.get(1)))) {
            throw config.error("pair", "'pair' names two different columns, e.g. [age, duration]; found " + pair + ".");
        }
        List<String> columns = columns(config);
        if (columns.isEmpty() && pair.isEmpty()) {
            throw config.error("columns", "name the columns to compute partial dependence on, e.g. columns: [age], or a pair.");
        }
        long grid = config.integer("grid_resolution", DEFAULT_GRID);
        long lines = config.integer("ice_lines", DEFAULT_ICE_LINES);
        int maxRows = config.positiveInt("max_rows", DEFAULT_MAX_ROWS);
        if (grid < 2 || grid > 10_000) {
            throw config.error("grid_resolution", "grid_resolution must be between 2 and 10000, found " + grid + ".");
        }
        if (lines < 0 || lines > 10_000) {
            throw config.error("ice_lines", "ice_lines must be between 0 and 10000, found " + lines + ".");
        }
        return new PartialDependenceCheck(setup, new PartialDependenceCheck.Plan(columns, Set.copyOf(increasing),
                Set.copyOf(decreasing), pair, config.string("class", null), (int) grid, config.bool("centred", false), (int) lines,
                maxRows));
    }

    private static List<String> columns(CheckConfig config) {
        Set<String> out = new LinkedHashSet<>(config.strings("columns"));
        out.addAll(config.strings("increasing"));
        out.addAll(config.strings("decreasing"));
        return new ArrayList<>(out);
    }
}
