package dev.assay.core.contract;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@link Contract} from settings (a contract file or a suite's {@code contract} check):
 * <pre>
 * mostly: 1.0                 # default share of checked rows that must meet each expectation
 * rows: {min: 100, max: 1e6}
 * columns:
 *   age: {type: integer, nullable: false, min: 17, max: 90}
 *   workclass: {allowed: [Private, State-gov], mostly: 0.95}
 *   id: {unique: true, regex: '^[0-9]+$', min_length: 1, max_length: 12}
 *   date: {type: timestamp, increasing: true}      # or: increasing: strictly
 * </pre>
 * Errors name the key (and the file and line when the settings came from a file).
 */
public final class ContractReader {
    static final Set<String> COLUMN_KEYS = new LinkedHashSet<>(List.of("type", "nullable", "allowed", "min", "max",
            "strict_min", "strict_max", "regex", "min_length", "max_length", "unique", "increasing", "mostly"));

    private ContractReader() {
    }

    /** The contract called {@code name} in {@code config}'s keys {@code columns}, {@code rows} and {@code mostly}. */
    public static Contract read(String name, CheckConfig config) {
        double mostly = mostly(config, 1.0);
        List<Expectation> out = new ArrayList<>();
        if (config.has("rows")) {
            CheckConfig rows = section(config, "rows", "rows: {min: 100, max: 100000}");
            only(rows, Set.of("min", "max"));
            long min = rows.integer("min", 0);
            long max = rows.has("max") ? rows.integer("max", 0) : Long.MAX_VALUE;
            if (min < 0 || max < min) {
                throw rows.error(rows.has("max") ? "max" : "min", "the row count bounds must satisfy 0 <= min <= max, found min "
                        + min + " and max " + rows.string("max", "(none)") + ".");
            }
            out.add(new RowCount(min, max));
        }
        if (!config.has("columns") && out.isEmpty()) {
            throw config.error("columns", "the contract has no expectations. Add 'columns' (a mapping of column names to"
                    + " expectations, e.g. 'age: {nullable: false, min: 0}') or 'rows'.");
        }
        if (config.has("columns")) {
            CheckConfig columns = section(config, "columns", "columns: {age: {nullable: false, min: 0}}");
            for (String column : columns.keys()) {
                out.addAll(column(column, section(columns, column, column + ": {nullable: false}"), mostly));
            }
        }
        return new Contract(name, out);
    }

    private static List<Expectation> column(String column, CheckConfig c, double fallback) {
        only(c, COLUMN_KEYS);
        double mostly = mostly(c, fallback);
        List<Expectation> out = new ArrayList<>();
        String shown = Excerpt.of(column);
        if (!c.bool("nullable", true)) {
            out.add(new ColumnExpectation(column, "not_null", shown + " is not missing", mostly, RowTests.notNull()));
        }
        if (c.has("type")) {
            ValueType type = c.choice("type", ValueType.class, null);
            out.add(new ColumnExpectation(column, "type", shown + " is " + type.id(), mostly, RowTests.type(type)));
        }
        if (c.has("allowed")) {
            List<String> values = c.strings("allowed");
            if (values.isEmpty()) {
                throw c.error("allowed", "'allowed' lists the values the column may hold, e.g. [Private, State-gov]; it is empty.");
            }
            out.add(new ColumnExpectation(column, "allowed", shown + " in " + values, mostly,
                    RowTests.allowed(new LinkedHashSet<>(values))));
        }
        if (c.has("min") || c.has("max")) {
            double min = bound(c, "min");
            double max = bound(c, "max");
            boolean strictMin = c.bool("strict_min", false);
            boolean strictMax = c.bool("strict_max", false);
            if (min > max) {
                throw c.error("max", "'max' (" + c.string("max", null) + ") is below 'min' (" + c.string("min", null) + ").");
            }
            String text = (Double.isNaN(min) ? "" : c.string("min", null) + (strictMin ? " < " : " <= ")) + shown
                    + (Double.isNaN(max) ? "" : (strictMax ? " < " : " <= ") + c.string("max", null));
            out.add(new ColumnExpectation(column, "range", text, mostly, RowTests.range(min, max, strictMin, strictMax)));
        }
        if (c.has("regex")) {
            String regex = c.string("regex", null);
            try {
                out.add(new ColumnExpectation(column, "regex", shown + " matches /" + regex + "/", mostly,
                        RowTests.regex(Pattern.compile(regex))));
            } catch (PatternSyntaxException e) {
                throw c.error("regex", "'regex' is not a valid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " of '" + Excerpt.of(regex) + "'.");
            }
        }
        if (c.has("min_length") || c.has("max_length")) {
            long min = c.integer("min_length", 0);
            long max = c.has("max_length") ? c.integer("max_length", 0) : Long.MAX_VALUE;
            if (min < 0 || max < min) {
                throw c.error("max_length", "the length bounds must satisfy 0 <= min_length <= max_length.");
            }
            out.add(new ColumnExpectation(column, "length", (min > 0 ? min + " <= " : "") + "length of " + shown
                    + (max < Long.MAX_VALUE ? " <= " + max : ""), mostly, RowTests.length(min, max)));
        }
        if (c.bool("unique", false)) {
            out.add(new ColumnExpectation(column, "unique", shown + " is unique", mostly, RowTests.unique()));
        }
        if (c.has("increasing")) {
            String v = c.string("increasing", "");
            boolean strictly = v.equalsIgnoreCase("strictly");
            if (strictly || c.bool("increasing", false)) {
                out.add(new ColumnExpectation(column, "increasing", shown + " is " + (strictly ? "strictly " : "") + "increasing",
                        mostly, RowTests.increasing(strictly)));
            }
        }
        if (out.isEmpty()) {
            throw c.error("type", "column '" + shown + "' has no expectation. Give at least one of: " + String.join(", ", COLUMN_KEYS)
                    + " (nullable: false to require values).");
        }
        return out;
    }

    private static double mostly(CheckConfig c, double fallback) {
        double m = c.number("mostly", fallback);
        if (!(m > 0 && m <= 1)) {
            throw c.error("mostly", "'mostly' is the share of rows that must meet the expectation, above 0 and at most 1, found "
                    + c.string("mostly", null) + ".");
        }
        return m;
    }

    private static double bound(CheckConfig c, String key) {
        String v = c.string(key, null);
        if (v == null) {
            return Double.NaN;
        }
        double d = OrderedValue.of(v);
        if (Double.isNaN(d)) {
            throw c.error(key, "'" + key + "' must be a number or an ISO date such as 2024-01-31, found '" + Excerpt.of(v) + "'.");
        }
        return d;
    }

    private static CheckConfig section(CheckConfig parent, String key, String example) {
        if (!parent.isSection(key)) {
            throw parent.error(key, "'" + Excerpt.of(key) + "' must be a mapping, for example " + example + ".");
        }
        return parent.section(key).orElseThrow();
    }

    private static void only(CheckConfig c, Set<String> allowed) {
        for (String key : c.keys()) {
            if (!allowed.contains(key)) {
                String closest = Suggestions.closest(key, allowed, 1).stream().findFirst().orElse(null);
                throw c.error(key, "unknown key '" + Excerpt.of(key) + "'." + (closest == null ? "" : " Did you mean '" + closest + "'?")
                        + " Allowed here: " + String.join(", ", allowed) + ".");
            }
        }
    }
}
