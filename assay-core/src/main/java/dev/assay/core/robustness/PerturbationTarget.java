package dev.assay.core.robustness;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns a perturbation may change, with what the clean rows say of them and the {@link Constraints}
 * checked against those rows: numeric profiles (spread, range, whether whole numbers), the categorical levels
 * that occur, and the one-hot groups. Columns in a one-hot group are changed only as a group (by perturbations
 * that move or drop the 1), never one by one; immutable columns are never targets.
 */
public final class PerturbationTarget {
    private final List<String> columns;
    private final List<String> groups;
    private final Constraints constraints;
    private final Map<String, NumericProfile> numeric = new HashMap<>();
    private final Map<String, int[]> levels = new HashMap<>();

    private PerturbationTarget(List<String> columns, List<String> groups, Constraints constraints) {
        this.columns = List.copyOf(columns);
        this.groups = List.copyOf(groups);
        this.constraints = constraints;
    }

    /**
     * @param clean the clean rows
     * @param requested the columns to perturb (before removing immutable ones)
     * @param constraints the constraints, checked against {@code clean}
     * @throws InvalidInputException for an unknown column, bounds on a column that is not numeric or that a clean
     *     value breaks, or a one-hot group that is not 0/1 with at most one 1 per row; the message names the row
     */
    public static PerturbationTarget of(Frame clean, List<String> requested, Constraints constraints) {
        for (String c : constraints.immutable()) {
            clean.column(c, "immutable column");
        }
        checkBounds(clean, constraints);
        Set<String> grouped = new java.util.HashSet<>();
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : constraints.oneHotGroups().entrySet()) {
            checkOneHot(clean, g.getKey(), g.getValue());
            grouped.addAll(g.getValue());
            boolean wanted = g.getValue().stream().anyMatch(requested::contains);
            boolean frozen = g.getValue().stream().anyMatch(constraints.immutable()::contains);
            if (wanted && !frozen) {
                groups.add(g.getKey());
            }
        }
        List<String> columns = new ArrayList<>();
        for (String name : requested) {
            clean.column(name, "perturbed column");
            if (!constraints.immutable().contains(name) && !grouped.contains(name) && !columns.contains(name)) {
                columns.add(name);
            }
        }
        PerturbationTarget target = new PerturbationTarget(columns, groups, constraints);
        for (String name : columns) {
            Column c = clean.column(name);
            if (c instanceof NumericColumn n) {
                target.numeric.put(name, NumericProfile.of(n.toArray()));
            } else if (c instanceof CategoricalColumn cat) {
                target.levels.put(name, observed(cat));
            }
        }
        return target;
    }

    /** The single columns that may change, in the order asked for (immutable and one-hot columns left out). */
    public List<String> columns() {
        return columns;
    }

    /** The one-hot groups that may change (as groups). */
    public List<String> oneHotGroups() {
        return groups;
    }

    /** The columns of one-hot group {@code group}. */
    public List<String> groupColumns(String group) {
        return constraints.oneHotGroups().get(group);
    }

    public Constraints constraints() {
        return constraints;
    }

    /** The clean profile of numeric target column {@code name}. */
    public NumericProfile profile(String name) {
        return numeric.get(name);
    }

    /** The level codes that occur in the clean values of categorical target column {@code name}. */
    public int[] observedLevels(String name) {
        return levels.get(name);
    }

    /**
     * {@code value} made valid for numeric column {@code name}: rounded half-even to a whole number when the
     * clean values are all whole, then clipped to the column's bounds. NaN stays NaN.
     */
    public double constrain(String name, double value) {
        NumericProfile p = numeric.get(name);
        double v = p != null && p.integer() ? Math.rint(value) : value;
        Bounds b = constraints.bounds().get(name);
        v = b == null ? v : b.clip(v);
        if (p != null && p.integer() && b != null && v != Math.rint(v)) {
            v = v > b.upper() - 0.5 ? Math.floor(b.upper()) : Math.ceil(b.lower());
        }
        return v;
    }

    /** Settings for reports: immutable columns, bounds and one-hot groups. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("columns", columns.isEmpty() && groups.isEmpty() ? "none" : String.join(", ", columns)
                + (groups.isEmpty() ? "" : (columns.isEmpty() ? "" : ", ") + "one-hot " + String.join(", ", groups)));
        if (!constraints.immutable().isEmpty()) {
            out.put("immutable", String.join(", ", new java.util.TreeSet<>(constraints.immutable())));
        }
        constraints.bounds().forEach((k, v) -> out.put("bounds[" + k + "]", v.toString()));
        return out;
    }

    private static int[] observed(CategoricalColumn c) {
        long[] counts = c.levelCounts();
        return java.util.stream.IntStream.range(0, counts.length).filter(i -> counts[i] > 0).toArray();
    }

    private static void checkBounds(Frame clean, Constraints constraints) {
        for (Map.Entry<String, Bounds> e : constraints.bounds().entrySet()) {
            Column c = clean.column(e.getKey(), "bounded column");
            if (!(c instanceof NumericColumn n)) {
                throw new InvalidInputException("Bounds are set for column '" + Excerpt.of(e.getKey()) + "', which is "
                        + c.type().id() + "; bounds apply to numeric columns only. Remove them.");
            }
            for (int i = 0; i < n.size(); i++) {
                double v = n.get(i);
                if (!Double.isNaN(v) && !e.getValue().contains(v)) {
                    throw new InvalidInputException("Column '" + Excerpt.of(e.getKey()) + "' holds " + n.format(i) + " in "
                            + clean.describeRow(i) + ", outside its bounds " + e.getValue() + ". Widen the bounds or correct "
                            + "the value.");
                }
            }
        }
    }

    private static void checkOneHot(Frame clean, String group, List<String> names) {
        if (names.size() < 2) {
            throw new InvalidInputException("One-hot group '" + Excerpt.of(group) + "' has " + names.size() + " column; a "
                    + "one-hot group needs two or more columns.");
        }
        List<NumericColumn> cols = new ArrayList<>();
        for (String name : names) {
            Column c = clean.column(name, "one-hot column of " + group);
            if (!(c instanceof NumericColumn n)) {
                throw new InvalidInputException("One-hot column '" + Excerpt.of(name) + "' of group '" + Excerpt.of(group)
                        + "' is " + c.type().id() + "; one-hot columns hold 0 or 1.");
            }
            cols.add(n);
        }
        for (int i = 0; i < clean.rowCount(); i++) {
            int ones = 0;
            for (NumericColumn n : cols) {
                double v = n.get(i);
                if (!Double.isNaN(v) && v != 0 && v != 1) {
                    throw new InvalidInputException("One-hot column '" + Excerpt.of(n.name()) + "' holds " + n.format(i) + " in "
                            + clean.describeRow(i) + "; one-hot columns hold 0 or 1. Correct the value or the group '"
                            + Excerpt.of(group) + "'.");
                }
                ones += v == 1 ? 1 : 0;
            }
            if (ones > 1) {
                throw new InvalidInputException("One-hot group '" + Excerpt.of(group) + "' has " + ones + " columns set to 1 in "
                        + clean.describeRow(i) + "; a one-hot group has at most one. Check which columns form the group.");
            }
        }
    }
}
