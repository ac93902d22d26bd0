package dev.assay.core.robustness;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A perturbation that changes each value of each target column on its own, drawing from one random stream per
 * column: {@code new SplittableRandom(seed ^ mix(column name))}, so a column's changes depend on the seed, its
 * name and its values only, not on which other columns are perturbed. Numeric results pass through
 * {@link PerturbationTarget#constrain} (whole numbers, bounds); categorical results must be levels that occur
 * in the clean data, except for text edits ({@link #editsText()}); one-hot groups change by moving or dropping their 1. Subclasses override the value types
 * they change; the defaults keep the value.
 */
abstract class ColumnPerturbation implements Perturbation {
    private final String name;
    private final Map<String, String> settings;

    ColumnPerturbation(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = Map.copyOf(new java.util.TreeMap<>(settings));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> settings() {
        return settings;
    }

    @Override
    public final Frame apply(Frame rows, PerturbationTarget target, long seed) {
        Frame out = rows;
        for (String column : target.columns()) {
            SplittableRandom random = stream(seed, column);
            Column c = rows.column(column);
            if (c instanceof NumericColumn n) {
                NumericProfile p = target.profile(column);
                double[] v = n.toArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] = target.constrain(column, numeric(v[i], p, random));
                }
                out = out.withColumn(NumericColumn.wrap(column, v));
            } else if (c instanceof CategoricalColumn cat && editsText()) {
                String[] v = new String[cat.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = text(cat.get(i), random);
                }
                out = out.withColumn(CategoricalColumn.of(column, v));
            } else if (c instanceof CategoricalColumn cat) {
                int[] codes = cat.codesArray();
                int[] observed = target.observedLevels(column);
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = categorical(codes[i], observed, random);
                }
                out = out.withColumn(CategoricalColumn.wrap(column, codes, cat.levels()));
            } else {
                TextColumn t = (TextColumn) c;
                String[] v = new String[t.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = text(t.get(i), random);
                }
                out = out.withColumn(TextColumn.wrap(column, v));
            }
        }
        for (String group : target.oneHotGroups()) {
            out = oneHotGroup(out, target.groupColumns(group), stream(seed, group));
        }
        return out;
    }

    private Frame oneHotGroup(Frame rows, List<String> columns, SplittableRandom random) {
        int k = columns.size();
        double[][] v = new double[k][];
        for (int j = 0; j < k; j++) {
            v[j] = ((NumericColumn) rows.column(columns.get(j))).toArray();
        }
        for (int i = 0; i < rows.rowCount(); i++) {
            int hot = -1;
            boolean missing = false;
            for (int j = 0; j < k; j++) {
                hot = v[j][i] == 1 ? j : hot;
                missing |= Double.isNaN(v[j][i]);
            }
            if (missing) {
                continue;
            }
            int next = oneHot(hot, k, random);
            for (int j = 0; j < k; j++) {
                v[j][i] = j == next ? 1 : 0;
            }
        }
        Frame out = rows;
        for (int j = 0; j < k; j++) {
            out = out.withColumn(NumericColumn.wrap(columns.get(j), v[j]));
        }
        return out;
    }

    /** The random stream of one column or one-hot group. */
    static SplittableRandom stream(long seed, String column) {
        long h = 1125899906842597L;
        for (int i = 0; i < column.length(); i++) {
            h = 31 * h + column.charAt(i);
        }
        return new SplittableRandom(seed ^ (h * 0x9E3779B97F4A7C15L));
    }

    /**
     * Whether this perturbation edits text, and so also edits the values of categorical columns as text (a free-text
     * column read as categories), making new categories; the other perturbations keep categories to observed levels.
     */
    boolean editsText() {
        return false;
    }

    /** The new value of a number (NaN = missing) before constraints. */
    double numeric(double value, NumericProfile profile, SplittableRandom random) {
        return value;
    }

    /** The new level code of a category ({@link CategoricalColumn#MISSING} = missing), one of {@code observed} or missing. */
    int categorical(int code, int[] observed, SplittableRandom random) {
        return code;
    }

    /** The new text (null = missing). */
    String text(String value, SplittableRandom random) {
        return value;
    }

    /** The new position of the 1 in a one-hot group of {@code size} columns; -1 for none. */
    int oneHot(int hot, int size, SplittableRandom random) {
        return hot;
    }
}
