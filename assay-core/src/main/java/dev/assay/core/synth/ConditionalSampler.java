package dev.assay.core.synth;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sampling from a {@link GaussianCopula}, optionally with fixed column values. A numeric condition x = v fixes
 * that column's normal score at z_v = Phi^-1(F(v)) and the other scores are drawn from the conditional Gaussian
 * N(S_oF S_FF^-1 z_F, S_oo - S_oF S_FF^-1 S_Fo); a categorical condition is met by rejection: rows whose
 * score does not decode to the wanted category are drawn again, up to {@value #DRAWS_PER_ROW} draws per row
 * asked for. The fixed columns hold exactly the given values.
 */
final class ConditionalSampler {
    static final int DRAWS_PER_ROW = 1000;

    private ConditionalSampler() {
    }

    static Frame sample(GaussianCopula copula, int rows, long seed, Map<String, String> conditions) {
        if (rows < 1) {
            throw new InvalidInputException("The number of synthetic rows must be at least 1, found " + rows + ".");
        }
        List<CopulaColumn> columns = copula.columns();
        int d = columns.size();
        Map<Integer, Double> fixed = new LinkedHashMap<>();
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        conditions.forEach((name, value) -> resolve(columns, name, value, fixed, wanted));
        int[] free = java.util.stream.IntStream.range(0, d).filter(j -> !fixed.containsKey(j)).toArray();
        int[] given = fixed.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[][] r = copula.correlation();
        double[] zGiven = new double[given.length];
        for (int k = 0; k < given.length; k++) {
            zGiven[k] = ((NumericModel) columns.get(given[k])).score(fixed.get(given[k]));
        }
        double[] mean = new double[free.length];
        Cholesky spread = copula.factor();
        if (given.length > 0) {
            Cholesky sgg = Cholesky.of(sub(r, given, given));
            double[][] k = new double[free.length][];
            for (int a = 0; a < free.length; a++) {
                double[] sgo = new double[given.length];
                for (int g = 0; g < given.length; g++) {
                    sgo[g] = r[given[g]][free[a]];
                }
                k[a] = sgg.solve(sgo);
                mean[a] = dot(k[a], zGiven);
            }
            double[][] cov = new double[free.length][free.length];
            for (int a = 0; a < free.length; a++) {
                for (int b = 0; b < free.length; b++) {
                    double s = 0;
                    for (int g = 0; g < given.length; g++) {
                        s += r[free[a]][given[g]] * k[b][g];
                    }
                    cov[a][b] = r[free[a]][free[b]] - s;
                }
            }
            spread = positiveDefinite(cov);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom gauss = root.split();
        SplittableRandom missing = root.split();
        List<double[]> accepted = new ArrayList<>(rows);
        double[] e = new double[free.length];
        double[] x = new double[free.length];
        long limit = Math.max(100_000L, (long) rows * DRAWS_PER_ROW);
        for (long draw = 0; accepted.size() < rows && draw < limit; draw++) {
            for (int a = 0; a < free.length; a++) {
                e[a] = gauss.nextGaussian();
            }
            if (free.length > 0) {
                spread.multiply(e, x);
            }
            double[] z = new double[d];
            for (int a = 0; a < free.length; a++) {
                z[free[a]] = mean[a] + x[a];
            }
            for (int g = 0; g < given.length; g++) {
                z[given[g]] = zGiven[g];
            }
            if (meets(columns, z, wanted)) {
                accepted.add(z);
            }
        }
        if (accepted.size() < rows) {
            throw new InvalidInputException(String.format(Locale.ROOT, "The conditions %s are too rare under the fitted model:"
                    + " %d of %d rows were found in %d draws; relax or drop a condition.", conditions, accepted.size(), rows, limit));
        }
        Frame out = copula.decode(accepted.toArray(new double[0][]), missing);
        List<Column> cols = new ArrayList<>(out.columns());
        for (Map.Entry<Integer, Double> f : fixed.entrySet()) {
            double[] v = new double[rows];
            Arrays.fill(v, f.getValue());
            cols.set(f.getKey(), NumericColumn.wrap(columns.get(f.getKey()).name(), v));
        }
        return Frame.of(out.source(), cols);
    }

    private static void resolve(List<CopulaColumn> columns, String name, String value, Map<Integer, Double> fixed,
            Map<Integer, Integer> wanted) {
        int j = -1;
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equals(name)) {
                j = k;
            }
        }
        if (j < 0) {
            throw new InvalidInputException("The condition names column '" + name + "', which the data does not have; columns: "
                    + String.join(", ", columns.stream().map(CopulaColumn::name).toList()) + ".");
        }
        CopulaColumn c = columns.get(j);
        if (c instanceof NumericModel n) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException ex) {
                throw new InvalidInputException("The condition " + name + "=" + value + " needs a number: column '" + name
                        + "' is numeric.");
            }
            if (!(v >= n.min() && v <= n.max())) {
                throw new InvalidInputException(String.format(Locale.ROOT, "The condition %s=%s lies outside the values of column"
                        + " '%s' in the data (%s to %s); give a value in that range.", name, value, name, n.min(), n.max()));
            }
            fixed.put(j, v);
        } else {
            CategoricalModel cat = (CategoricalModel) c;
            int code = cat.levels().indexOf(value);
            if (code < 0 || !cat.intervals().has(code)) {
                List<String> shown = cat.levels().subList(0, Math.min(20, cat.levels().size()));
                throw new InvalidInputException("The condition " + name + "=" + value + " names a category column '" + name
                        + "' does not have; categories: " + String.join(", ", shown) + (cat.levels().size() > 20 ? ", ..." : "")
                        + ".");
            }
            wanted.put(j, code);
        }
    }

    private static boolean meets(List<CopulaColumn> columns, double[] z, Map<Integer, Integer> wanted) {
        for (Map.Entry<Integer, Integer> w : wanted.entrySet()) {
            if (((CategoricalModel) columns.get(w.getKey())).code(z[w.getKey()]) != w.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The Cholesky factor of a conditional covariance, with a diagonal nudge where rounding left it semidefinite. */
    private static Cholesky positiveDefinite(double[][] cov) {
        double nudge = 1e-12;
        Cholesky c = Cholesky.of(cov);
        while (c == null && nudge < 1) {
            for (int i = 0; i < cov.length; i++) {
                cov[i][i] += nudge;
            }
            nudge *= 10;
            c = Cholesky.of(cov);
        }
        return c;
    }

    private static double[][] sub(double[][] r, int[] rows, int[] cols) {
        double[][] out = new double[rows.length][cols.length];
        for (int a = 0; a < rows.length; a++) {
            for (int b = 0; b < cols.length; b++) {
                out[a][b] = r[rows[a]][cols[b]];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
