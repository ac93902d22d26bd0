package dev.assay.core.robustness.attack;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.robustness.Bounds;
import dev.assay.core.robustness.NumericProfile;
import dev.assay.core.robustness.PerturbationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The space an attack moves in: the numeric columns of a {@link PerturbationTarget} (so immutable, categorical and
 * one-hot columns never change), each divided by its scale, the sample standard deviation of the clean values
 * ({@link NumericProfile#std()}) or 1 with a raw scale. A perturbation is {@code delta[j][k]}, the change of
 * column {@code j} of the {@code k}-th of a set of rows in scale units: the value becomes
 * {@code x + scale_j * delta}. Bounds clip the value: the declared {@link Bounds}, and with {@code observedRange}
 * also the range of the column's clean values (so that, say, a count never turns negative); missing values never
 * change. Columns with a zero spread are left out (nothing to scale by).
 */
public final class AttackSpace {
    private final Frame rows;
    private final PerturbationTarget target;
    private final List<String> columns = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final double[] scale;
    private final double[][] clean;
    private final Bounds[] bounds;

    /**
     * @param rawScale whether {@code delta} is in the columns' own units
     * @param observedRange whether values also stay within the smallest and largest clean value of their column
     */
    public AttackSpace(Frame rows, PerturbationTarget target, boolean rawScale, boolean observedRange) {
        this.rows = rows;
        this.target = target;
        List<Double> scales = new ArrayList<>();
        for (String c : target.columns()) {
            Column column = rows.column(c);
            NumericProfile p = target.profile(c);
            if (!(column instanceof NumericColumn) || p == null) {
                continue;
            }
            if (!rawScale && !(p.std() > 0)) {
                skipped.add(c);
                continue;
            }
            columns.add(c);
            scales.add(rawScale ? 1.0 : p.std());
        }
        this.scale = scales.stream().mapToDouble(Double::doubleValue).toArray();
        this.clean = new double[columns.size()][];
        this.bounds = new Bounds[columns.size()];
        for (int j = 0; j < clean.length; j++) {
            clean[j] = ((NumericColumn) rows.column(columns.get(j))).toArray();
            Bounds declared = target.constraints().bounds().get(columns.get(j));
            double lower = declared == null ? Double.NEGATIVE_INFINITY : declared.lower();
            double upper = declared == null ? Double.POSITIVE_INFINITY : declared.upper();
            NumericProfile p = target.profile(columns.get(j));
            if (observedRange && p.count() > 0) {
                lower = Math.max(lower, p.min());
                upper = Math.min(upper, p.max());
            }
            bounds[j] = new Bounds(lower, upper);
        }
    }

    /** The number of attacked columns. */
    public int dims() {
        return columns.size();
    }

    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** Numeric target columns left out because their clean values do not vary. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public double scale(int j) {
        return scale[j];
    }

    public Frame rows() {
        return rows;
    }

    /** Rows {@code which} with the attacked columns moved by {@code delta} (scale units, {@code [column][k]}). */
    public Frame frame(int[] which, double[][] delta) {
        return shifted(which, delta, -1, 0);
    }

    /** Rows {@code which} with the attacked columns set to {@code values} (own units, {@code [column][k]}). */
    public Frame withValues(int[] which, double[][] values) {
        Frame out = rows.slice(which);
        for (int j = 0; j < columns.size(); j++) {
            out = out.withColumn(NumericColumn.wrap(columns.get(j), values[j].clone()));
        }
        return out;
    }

    /** As {@link #frame} with column {@code shift} moved by a further {@code h} scale units in every row. */
    public Frame shifted(int[] which, double[][] delta, int shift, double h) {
        Frame out = rows.slice(which);
        for (int j = 0; j < columns.size(); j++) {
            double[] v = new double[which.length];
            double extra = j == shift ? h : 0;
            for (int k = 0; k < which.length; k++) {
                v[k] = clean[j][which[k]] + scale[j] * (delta[j][k] + extra);
            }
            out = out.withColumn(NumericColumn.wrap(columns.get(j), v));
        }
        return out;
    }

    /** Whether column {@code j} of row {@code row} may move (its value is present). */
    public boolean movable(int j, int row) {
        return !Double.isNaN(clean[j][row]);
    }

    /** {@code d} (scale units) clipped so that column {@code j} of row {@code row} stays in its bounds. */
    public double clip(int j, int row, double d) {
        if (!movable(j, row)) {
            return 0;
        }
        double x = clean[j][row];
        double v = bounds[j].clip(x + scale[j] * d);
        return v == x + scale[j] * d ? d : (v - x) / scale[j];
    }

    /**
     * The final values of {@code delta} ({@code [column][k]}, own units): each value of a column whose clean values
     * are all whole numbers rounded half-even to a whole number when {@code round}, then clipped to the bounds
     * (see {@link PerturbationTarget#constrain}; rounding to the nearest whole number inside them).
     */
    public double[][] finish(int[] which, double[][] delta, boolean round) {
        double[][] out = new double[delta.length][which.length];
        for (int j = 0; j < delta.length; j++) {
            NumericProfile p = target.profile(columns.get(j));
            boolean whole = round && p.integer();
            for (int k = 0; k < which.length; k++) {
                double x = clean[j][which[k]];
                double v = Double.isNaN(x) ? x : bounds[j].clip(x + scale[j] * delta[j][k]);
                if (whole && !Double.isNaN(v)) {
                    double r = Math.rint(v);
                    v = bounds[j].contains(r) ? r : r > bounds[j].upper() ? Math.floor(bounds[j].upper())
                            : Math.ceil(bounds[j].lower());
                }
                out[j][k] = v;
            }
        }
        return out;
    }

    /** The change of {@code values} ({@code [column][k]}, own units) from the clean rows {@code which}, in scale units. */
    public double[][] delta(int[] which, double[][] values) {
        double[][] out = new double[values.length][which.length];
        for (int j = 0; j < values.length; j++) {
            for (int k = 0; k < which.length; k++) {
                double x = clean[j][which[k]];
                out[j][k] = Double.isNaN(x) ? 0 : (values[j][k] - x) / scale[j];
            }
        }
        return out;
    }
}
