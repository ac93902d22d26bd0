package dev.assay.junit.pipeline;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random frames for property-based tests of preprocessing steps: numeric columns mixing uniform values
 * with the values that break code (0, -0.0, the range's ends, values near the largest double, repeated values)
 * and, when asked, missing values; categorical columns drawn from given levels. {@link #like} takes the columns,
 * ranges and levels of a real data set.
 */
public final class FrameGenerator {
    /** One column to generate. */
    private record Spec(String name, double min, double max, List<String> levels) {
        boolean numeric() {
            return levels == null;
        }
    }

    private final List<Spec> columns;
    private final int minRows;
    private final int maxRows;
    private final double missing;
    private final boolean extremes;

    private FrameGenerator(List<Spec> columns, int minRows, int maxRows, double missing, boolean extremes) {
        this.columns = List.copyOf(columns);
        this.minRows = minRows;
        this.maxRows = maxRows;
        this.missing = missing;
        this.extremes = extremes;
    }

    /** Frames of 1 to 50 rows and no columns yet, without missing values, with extreme values. */
    public static FrameGenerator frames() {
        return new FrameGenerator(List.of(), 1, 50, 0, true);
    }

    /**
     * Frames with the columns of {@code example}: numeric ones over its observed range, categorical ones over its
     * levels (text columns are left out).
     */
    public static FrameGenerator like(Frame example) {
        FrameGenerator g = frames();
        for (Column c : example.columns()) {
            if (c instanceof NumericColumn n) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n.size(); i++) {
                    if (!n.isMissing(i)) {
                        lo = Math.min(lo, n.get(i));
                        hi = Math.max(hi, n.get(i));
                    }
                }
                g = lo <= hi ? g.numeric(c.name(), lo, hi) : g.numeric(c.name(), 0, 1);
            } else if (c instanceof CategoricalColumn k && !k.levels().isEmpty()) {
                g = g.categorical(c.name(), k.levels().toArray(String[]::new));
            }
        }
        return g;
    }

    /** Adds a numeric column with values in [{@code min}, {@code max}] (plus the extreme values, unless turned off). */
    public FrameGenerator numeric(String name, double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("numeric(\"" + name + "\", " + min + ", " + max + "): min must not exceed max.");
        }
        return with(new Spec(name, min, max, null));
    }

    /** Adds a categorical column over {@code levels}. */
    public FrameGenerator categorical(String name, String... levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("categorical(\"" + name + "\"): give at least one level.");
        }
        return with(new Spec(name, 0, 0, List.of(levels)));
    }

    /** Frames of {@code min} to {@code max} rows. */
    public FrameGenerator rows(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("rows(" + min + ", " + max + "): need 1 <= min <= max.");
        }
        return new FrameGenerator(columns, min, max, missing, extremes);
    }

    /** Each cell is missing with probability {@code share} (0 by default). */
    public FrameGenerator withMissing(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("withMissing(" + share + "): the share must be between 0 and 1.");
        }
        return new FrameGenerator(columns, minRows, maxRows, share, extremes);
    }

    /** Numeric values stay inside each column's range: no values near the largest double. */
    public FrameGenerator withinRange() {
        return new FrameGenerator(columns, minRows, maxRows, missing, false);
    }

    /** One frame drawn with {@code random}. */
    public Frame generate(Random random) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("The generator has no columns; add them with numeric(...), categorical(...) or "
                    + "use FrameGenerator.like(frame).");
        }
        int rows = minRows + random.nextInt(maxRows - minRows + 1);
        List<Column> out = new ArrayList<>();
        for (Spec s : columns) {
            if (s.numeric()) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = random.nextDouble() < missing ? Double.NaN : value(s, random, i == 0 ? s.min() : v[i - 1]);
                }
                out.add(NumericColumn.wrap(s.name(), v));
            } else {
                int[] codes = new int[rows];
                for (int i = 0; i < rows; i++) {
                    codes[i] = random.nextDouble() < missing ? CategoricalColumn.MISSING : random.nextInt(s.levels().size());
                }
                out.add(CategoricalColumn.wrap(s.name(), codes, s.levels()));
            }
        }
        return Frame.of("generated", out);
    }

    /** Mostly uniform; one draw in four an edge value: an end of the range, 0, a repeat, or (unless off) a huge one. */
    private double value(Spec s, Random random, double previous) {
        if (random.nextInt(4) != 0) {
            return s.min() + random.nextDouble() * (s.max() - s.min());
        }
        switch (random.nextInt(extremes ? 6 : 4)) {
            case 0:
                return s.min();
            case 1:
                return s.max();
            case 2:
                return Math.max(s.min(), Math.min(s.max(), 0.0));
            case 3:
                return Double.isNaN(previous) ? s.min() : previous;
            case 4:
                return Double.MAX_VALUE / (1 + random.nextInt(4));
            default:
                return -Double.MAX_VALUE / (1 + random.nextInt(4));
        }
    }

    private FrameGenerator with(Spec spec) {
        List<Spec> out = new ArrayList<>(columns);
        out.removeIf(s -> s.name().equals(spec.name()));
        out.add(spec);
        return new FrameGenerator(out, minRows, maxRows, missing, extremes);
    }
}
