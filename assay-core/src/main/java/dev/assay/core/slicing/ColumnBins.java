package dev.assay.core.slicing;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rows of a frame grouped by one column. Numbers are cut at their quantiles exactly as pandas
 * 1.5's {@code qcut(x, q, duplicates="drop")} cuts them: edges {@code np.quantile(x, k/q)} (linear
 * interpolation), repeated edges dropped, bins closed on the right and the first bin holding the
 * minimum, so bins read {@code [17, 28]}, {@code (28, 37]}, ... A numeric column with at most
 * {@code q} distinct values gets one bin per value instead. Categories get one bin per value (the
 * most frequent {@link Binning#maxLevels()} only, when there are more). Missing values form a bin
 * of their own. Free text cannot be sliced.
 */
public final class ColumnBins {
    /** The bin of a row that falls in no bin (a category beyond the most frequent ones). */
    public static final int NONE = -1;

    private final String column;
    private final List<SliceTerm> terms;
    private final int[] bins;
    private final String note;

    private ColumnBins(String column, List<SliceTerm> terms, int[] bins, String note) {
        this.column = column;
        this.terms = List.copyOf(terms);
        this.bins = bins;
        this.note = note;
    }

    /**
     * Bins {@code column} of {@code frame}.
     *
     * @throws InvalidInputException when the column is unknown or holds free text
     */
    public static ColumnBins of(Frame frame, String column, Binning binning) {
        Column c = frame.column(column, "slice");
        if (c instanceof NumericColumn n) {
            return numeric(n, binning);
        }
        if (c instanceof CategoricalColumn cat) {
            return categorical(cat, binning);
        }
        throw new InvalidInputException("column '" + Excerpt.of(column) + "' of "
                + (frame.source() == null ? "the data" : frame.source())
                + " holds free text, which cannot be sliced; slice by a column of categories or numbers.");
    }

    /**
     * Bins {@code column} from a frame holding each distinct value once and the number of rows holding
     * each ({@code rows[i]} for row i of {@code distinct}): the same bins, terms and note as {@link #of}
     * gives for the rows themselves (quantile edges from the values counted with their multiplicity), with
     * {@link #bin} the bin of each distinct value. Categories are taken in the level order of {@code distinct}.
     *
     * @throws InvalidInputException as {@link #of}
     */
    public static ColumnBins ofDistinct(Frame distinct, String column, long[] rows, Binning binning) {
        Column c = distinct.column(column, "slice");
        if (rows.length != c.size()) {
            throw new IllegalArgumentException(rows.length + " row counts for " + c.size() + " values");
        }
        if (c instanceof NumericColumn n) {
            return numeric(n, rows, binning);
        }
        if (c instanceof CategoricalColumn cat) {
            return categorical(cat, rows, binning);
        }
        return of(distinct, column, binning);
    }

    /** The column. */
    public String column() {
        return column;
    }

    /** The number of bins (0 when every value is missing and there is nothing to group). */
    public int binCount() {
        return terms.size();
    }

    /** What bin {@code bin} holds. */
    public SliceTerm term(int bin) {
        return terms.get(bin);
    }

    /** The bin of {@code row}, or {@link #NONE}. */
    public int bin(int row) {
        return bins[row];
    }

    /** Why some rows are in no bin, e.g. a column with more values than are sliced; {@code null} if all are. */
    public String note() {
        return note;
    }

    /** The rows of each bin, bin by bin. */
    public List<Slice> slices() {
        int[][] rows = group(bins, terms.size());
        List<Slice> out = new ArrayList<>(terms.size());
        for (int b = 0; b < terms.size(); b++) {
            out.add(new Slice(List.of(terms.get(b)), rows[b]));
        }
        return out;
    }

    /** The rows of each pair of a bin of this column and a bin of {@code other} that holds any row. */
    public List<Slice> crossSlices(ColumnBins other) {
        if (other.bins.length != bins.length) {
            throw new IllegalArgumentException("columns of different lengths: " + bins.length + " and " + other.bins.length);
        }
        int width = other.terms.size();
        int[] cells = new int[bins.length];
        for (int i = 0; i < bins.length; i++) {
            cells[i] = bins[i] == NONE || other.bins[i] == NONE ? NONE : bins[i] * width + other.bins[i];
        }
        int[][] rows = group(cells, terms.size() * width);
        List<Slice> out = new ArrayList<>();
        for (int cell = 0; cell < rows.length; cell++) {
            if (rows[cell].length > 0) {
                out.add(new Slice(List.of(terms.get(cell / width), other.terms.get(cell % width)), rows[cell]));
            }
        }
        return out;
    }

    private static int[][] group(int[] codes, int groups) {
        int[] counts = new int[groups];
        for (int code : codes) {
            if (code != NONE) {
                counts[code]++;
            }
        }
        int[][] rows = new int[groups][];
        for (int g = 0; g < groups; g++) {
            rows[g] = new int[counts[g]];
        }
        int[] filled = new int[groups];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != NONE) {
                rows[codes[i]][filled[codes[i]]++] = i;
            }
        }
        return rows;
    }

    private static ColumnBins numeric(NumericColumn column, Binning binning) {
        return numeric(column, null, binning);
    }

    /** The bins of a column whose row i stands for {@code weight[i]} rows (null: one each). */
    private static ColumnBins numeric(NumericColumn column, long[] weight, Binning binning) {
        int n = column.size();
        double[] values;
        long[] ends = null;
        long total;
        if (weight == null) {
            values = IntStream.range(0, n).filter(i -> !column.isMissing(i)).mapToDouble(column::get).toArray();
            Arrays.sort(values);
            total = values.length;
        } else {
            int[] order = IntStream.range(0, n).filter(i -> !column.isMissing(i) && weight[i] > 0).boxed()
                    .sorted((a, b) -> Double.compare(column.get(a), column.get(b))).mapToInt(Integer::intValue).toArray();
            values = new double[order.length];
            ends = new long[order.length];
            total = 0;
            for (int k = 0; k < order.length; k++) {
                values[k] = column.get(order[k]);
                total += weight[order[k]];
                ends[k] = total;
            }
        }
        boolean anyMissing = IntStream.range(0, n).anyMatch(i -> column.isMissing(i) && (weight == null || weight[i] > 0));
        double[] distinct = Arrays.stream(values).distinct().toArray();
        List<SliceTerm> terms = new ArrayList<>();
        int[] bins = new int[n];
        if (distinct.length <= binning.quantiles()) {
            for (double v : distinct) {
                terms.add(new SliceTerm(column.name(), NumberText.format(v), SliceTerm.Kind.VALUE));
            }
            for (int i = 0; i < n; i++) {
                bins[i] = column.isMissing(i) ? NONE : Arrays.binarySearch(distinct, column.get(i));
            }
        } else {
            long[] at = ends;
            double[] edges = edges(i -> values[at == null ? (int) i : position(at, i)], total, binning.quantiles());
            for (int b = 0; b + 1 < edges.length; b++) {
                terms.add(new SliceTerm(column.name(), (b == 0 ? "[" : "(") + NumberText.format(edges[b]) + ", "
                        + NumberText.format(edges[b + 1]) + "]", SliceTerm.Kind.INTERVAL));
            }
            for (int i = 0; i < n; i++) {
                bins[i] = column.isMissing(i) ? NONE : intervalOf(edges, column.get(i));
            }
        }
        return withMissing(column.name(), terms, bins, anyMissing, column::isMissing, null);
    }

    /** The index of the value holding sorted position {@code i}, given each value's end position (exclusive). */
    private static int position(long[] ends, long i) {
        int pos = Arrays.binarySearch(ends, i + 1);
        return pos >= 0 ? pos : -pos - 1;
    }

    /**
     * Quantile edges as pandas draws them, {@code np.quantile(sorted, np.linspace(0, 1, q + 1))}
     * (numpy 1.24's linear method and its two-sided interpolation), repeats dropped.
     */
    private static double[] edges(java.util.function.LongToDoubleFunction sorted, long n, int q) {
        double[] edges = new double[q + 1];
        double step = 1.0 / q;
        for (int k = 0; k <= q; k++) {
            double h = (n - 1) * (k == q ? 1.0 : k * step);
            long lo = (long) Math.floor(h);
            long hi = Math.min(lo + 1, n - 1);
            double t = h - lo;
            double diff = sorted.applyAsDouble(hi) - sorted.applyAsDouble(lo);
            edges[k] = t >= 0.5 ? sorted.applyAsDouble(hi) - diff * (1 - t) : sorted.applyAsDouble(lo) + diff * t;
        }
        return Arrays.stream(edges).distinct().toArray();
    }

    /** The bin (e[b], e[b+1]] holding {@code v}, with the minimum in bin 0 (pandas' include_lowest). */
    private static int intervalOf(double[] edges, double v) {
        int pos = Arrays.binarySearch(edges, v);
        int bin = pos >= 0 ? pos - 1 : -pos - 2;
        return Math.max(0, Math.min(bin, edges.length - 2));
    }

    private static ColumnBins categorical(CategoricalColumn column, Binning binning) {
        return categorical(column, null, binning);
    }

    /** The bins of a column whose row i stands for {@code weight[i]} rows (null: one each). */
    private static ColumnBins categorical(CategoricalColumn column, long[] weight, Binning binning) {
        long[] counts = weight == null ? column.levelCounts() : new long[column.levels().size()];
        if (weight != null) {
            for (int i = 0; i < weight.length; i++) {
                if (column.code(i) != CategoricalColumn.MISSING) {
                    counts[column.code(i)] += weight[i];
                }
            }
        }
        List<String> levels = column.levels();
        Integer[] order = IntStream.range(0, levels.size()).filter(l -> counts[l] > 0).boxed().toArray(Integer[]::new);
        String note = null;
        if (order.length > binning.maxLevels()) {
            note = "column '" + Excerpt.of(column.name()) + "' has " + order.length + " values; sliced by the "
                    + binning.maxLevels() + " most frequent";
            Arrays.sort(order, Comparator.comparingLong((Integer l) -> -counts[l]));
            order = Arrays.copyOf(order, binning.maxLevels());
            Arrays.sort(order);
        }
        int[] binOfLevel = new int[levels.size()];
        Arrays.fill(binOfLevel, NONE);
        List<SliceTerm> terms = new ArrayList<>();
        for (int level : order) {
            binOfLevel[level] = terms.size();
            terms.add(new SliceTerm(column.name(), levels.get(level), SliceTerm.Kind.VALUE));
        }
        int[] bins = new int[column.size()];
        for (int i = 0; i < bins.length; i++) {
            int code = column.code(i);
            bins[i] = code == CategoricalColumn.MISSING ? NONE : binOfLevel[code];
        }
        return withMissing(column.name(), terms, bins, column.missingCount() > 0, column::isMissing, note);
    }

    private static ColumnBins withMissing(String name, List<SliceTerm> terms, int[] bins, boolean anyMissing,
            java.util.function.IntPredicate missing, String note) {
        if (anyMissing) {
            int bin = terms.size();
            terms.add(new SliceTerm(name, "missing", SliceTerm.Kind.MISSING));
            for (int i = 0; i < bins.length; i++) {
                if (missing.test(i)) {
                    bins[i] = bin;
                }
            }
        }
        return new ColumnBins(name, terms, bins, note);
    }
}
