package dev.assay.core.fairness;

import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.WilsonInterval;

/**
 * The binary confusion counts (TP, FP, FN, TN) of every group, counted in one pass over the rows,
 * and the rates of {@link RateKind} derived from them. The sufficient statistic of every binary
 * disparity.
 */
public final class GroupCounts {
    private static final int TP = 0;
    private static final int FP = 1;
    private static final int FN = 2;
    private static final int TN = 3;

    private final Groups groups;
    private final long[] cells;
    private final GroupCounts original;

    GroupCounts(Groups groups, long[] cells, GroupCounts original) {
        this.groups = groups;
        this.cells = cells;
        this.original = original;
    }

    /**
     * Counts {@code truth} (actually positive) and {@code predicted} (predicted positive) per group.
     *
     * @throws IllegalArgumentException if the arrays and the groups differ in length
     */
    public static GroupCounts count(Groups groups, boolean[] truth, boolean[] predicted) {
        int n = groups.rowCount();
        if (truth.length != n || predicted.length != n) {
            throw new IllegalArgumentException("groups of " + n + " rows, " + truth.length + " labels and "
                    + predicted.length + " predictions");
        }
        long[] cells = new long[4 * groups.groupCount()];
        for (int i = 0; i < n; i++) {
            cells[4 * groups.group(i) + cell(truth[i], predicted[i])]++;
        }
        return new GroupCounts(groups, cells, null);
    }

    /**
     * The counts of {@code groups} made elsewhere (e.g. merged from the partitions of a distributed
     * data set): four cells per group, in the order TP, FP, FN, TN.
     *
     * @throws IllegalArgumentException if there are not four cells per group, or a cell is negative
     */
    public static GroupCounts of(Groups groups, long[] cells) {
        if (cells.length != 4 * groups.groupCount()) {
            throw new IllegalArgumentException(groups.groupCount() + " groups need " + 4 * groups.groupCount() + " cells, not "
                    + cells.length);
        }
        for (long c : cells) {
            if (c < 0) {
                throw new IllegalArgumentException("a negative count: " + c);
            }
        }
        return new GroupCounts(groups, cells.clone(), null);
    }

    /** The cell of a row that is {@code truth} (actually positive) and {@code predicted} (predicted positive): TP 0, FP 1, FN 2, TN 3. */
    public static int cell(boolean truth, boolean predicted) {
        return truth ? (predicted ? TP : FN) : (predicted ? FP : TN);
    }

    /** The groups counted. */
    public Groups groups() {
        return groups;
    }

    /** The number of rows in {@code group}. */
    public long size(int group) {
        int b = 4 * group;
        return cells[b] + cells[b + FP] + cells[b + FN] + cells[b + TN];
    }

    /** The counts of {@code group} as {TP, FP, FN, TN}. */
    public long[] confusion(int group) {
        return new long[] {cells[4 * group], cells[4 * group + FP], cells[4 * group + FN], cells[4 * group + TN]};
    }

    /** The rate {@code kind} of {@code group}. */
    public Rate rate(RateKind kind, int group) {
        int b = 4 * group;
        return kind.of(cells[b], cells[b + FP], cells[b + FN], cells[b + TN]);
    }

    /** The rate {@code kind} over all rows. */
    public Rate overall(RateKind kind) {
        long[] t = totals();
        return kind.of(t[TP], t[FP], t[FN], t[TN]);
    }

    /** The Wilson interval of the rate {@code kind} of {@code group} at confidence {@code level}. */
    public IntervalEstimate interval(RateKind kind, int group, double level) {
        Rate r = rate(kind, group);
        return r.defined() ? WilsonInterval.of(r.numerator(), r.denominator(), level) : IntervalEstimate.undefined(r.undefinedReason());
    }

    /** A copy of the cells, four per group in the order TP, FP, FN, TN. */
    long[] cells() {
        return cells.clone();
    }

    /** The same groups with other cell counts (a bootstrap resample), whose group sizes are judged by these. */
    GroupCounts withCells(long[] other) {
        return new GroupCounts(groups, other, this);
    }

    /**
     * The size that decides whether {@code group} takes part in an aggregate: its size in the data,
     * also for a bootstrap resample, so every resample compares the same groups.
     */
    long sizeForEligibility(int group) {
        return original == null ? size(group) : original.size(group);
    }

    private long[] totals() {
        long[] t = new long[4];
        for (int i = 0; i < cells.length; i++) {
            t[i % 4] += cells[i];
        }
        return t;
    }
}
