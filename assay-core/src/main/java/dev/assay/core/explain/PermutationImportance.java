package dev.assay.core.explain;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Permutation importance as scikit-learn's {@code sklearn.inspection.permutation_importance} (Breiman
 * 2001): importance_fk = s - s_fk, the score s of the model on the data minus its score s_fk with the
 * columns of feature f reordered by the k-th row order (all columns of a feature by the same order; the
 * other columns unchanged). A pure function of the given orders: {@link #orders} draws them from a seed.
 * Each feature's repeats are predicted in one model call (of at most about {@code maxRows} rows).
 */
public final class PermutationImportance {

    private PermutationImportance() {
    }

    /**
     * The importances of {@code features} on {@code data}.
     *
     * @param orders one row order per repeat (a permutation of 0..n-1), shared by all features
     * @param maxRows about how many rows one model call predicts
     * @throws InvalidInputException on no rows, no features, a column in two features, or an order that is
     *     no permutation of the rows
     */
    public static Importances compute(Model model, Frame data, List<Feature> features, Scorer scorer, int[][] orders,
            int maxRows) {
        int n = data.rowCount();
        if (n == 0 || features.isEmpty() || orders.length == 0) {
            throw new InvalidInputException("Permutation importance needs rows, features and at least one repeat; the data "
                    + data.source() + " has " + n + " rows, " + features.size() + " features and " + orders.length + " repeats were asked for.");
        }
        for (int[] order : orders) {
            checkPermutation(order, n);
        }
        List<String> names = data.columnNames();
        HashSet<String> seen = new HashSet<>();
        features.forEach(f -> f.columns().forEach(c -> {
            data.column(c, "feature");
            if (!seen.add(c)) {
                throw new InvalidInputException("Column '" + c + "' belongs to more than one feature; give each column to one"
                        + " feature only.");
            }
        }));
        double baseline = scorer.score(model.predict(data));
        double[][] importances = new double[features.size()][orders.length];
        int perCall = Math.max(1, maxRows / n);
        for (int f = 0; f < features.size(); f++) {
            List<String> columns = features.get(f).columns();
            for (int from = 0; from < orders.length; from += perCall) {
                int to = Math.min(orders.length, from + perCall);
                List<Column> stacked = new ArrayList<>();
                for (int c = 0; c < names.size(); c++) {
                    boolean permuted = columns.contains(names.get(c));
                    int[] index = new int[(to - from) * n];
                    for (int k = from; k < to; k++) {
                        for (int i = 0; i < n; i++) {
                            index[(k - from) * n + i] = permuted ? orders[k][i] : i;
                        }
                    }
                    stacked.add(data.columns().get(c).slice(index));
                }
                Predictions p = model.predict(Frame.of(data.source(), stacked));
                for (int k = from; k < to; k++) {
                    importances[f][k] = baseline - scorer.score(part(p, (k - from) * n, (k - from + 1) * n));
                }
            }
        }
        return new Importances(features.stream().map(Feature::name).toList(), baseline, importances);
    }

    /**
     * {@code repeats} independent uniform permutations of 0..n-1 (Fisher-Yates), repeat k drawn from the
     * k-th generator split from {@code new SplittableRandom(seed)}.
     */
    public static int[][] orders(int n, int repeats, long seed) {
        if (repeats < 1) {
            throw new InvalidInputException("Permutation importance needs at least 1 repeat, got " + repeats + ".");
        }
        SplittableRandom root = new SplittableRandom(seed);
        int[][] out = new int[repeats][];
        for (int k = 0; k < repeats; k++) {
            SplittableRandom random = root.split();
            int[] order = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            out[k] = order;
        }
        return out;
    }

    private static void checkPermutation(int[] order, int n) {
        boolean[] hit = new boolean[n];
        if (order.length != n) {
            throw new InvalidInputException("A row order has " + order.length + " entries for " + n + " rows; each repeat must"
                    + " order every row once.");
        }
        for (int i : order) {
            if (i < 0 || i >= n || hit[i]) {
                throw new InvalidInputException("A row order " + (i < 0 || i >= n ? "holds row " + i + " outside 0.." + (n - 1)
                        : "holds row " + i + " twice") + "; each repeat must order every row once.");
            }
            hit[i] = true;
        }
    }

    /** Rows {@code from} to {@code to} of {@code p}. */
    private static Predictions part(Predictions p, int from, int to) {
        if (p instanceof ValuePredictions v) {
            return new ValuePredictions(Arrays.copyOfRange(v.values(), from, to));
        }
        ClassPredictions c = (ClassPredictions) p;
        int k = c.classes().size();
        return new ClassPredictions(c.classes(), Arrays.copyOfRange(c.predicted(), from, to),
                c.probabilities() == null ? null : Arrays.copyOfRange(c.probabilities(), from * k, to * k));
    }
}
