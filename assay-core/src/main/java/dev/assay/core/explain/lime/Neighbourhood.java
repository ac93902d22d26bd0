package dev.assay.core.explain.lime;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How LIME samples one column around a row, from the training (background) values, as lime 0.2's
 * {@code __data_inverse}: a categorical column, or a numeric one cut into {@link Quartiles}, draws a
 * level or bin with the training frequencies, its interpretable value being 1 when it equals the row's;
 * a numeric column without discretisation draws mean + std * N(0, 1) (training mean and population
 * standard deviation, 1 when 0), its interpretable value being the standardised value (x - mean) / std.
 */
final class Neighbourhood {
    private final String name;
    private final Quartiles quartiles;
    private final List<String> levels;
    private final double[] cumulative;
    private final double mean;
    private final double std;

    private Neighbourhood(String name, Quartiles quartiles, List<String> levels, double[] counts, double mean, double std) {
        this.name = name;
        this.quartiles = quartiles;
        this.levels = levels;
        this.cumulative = counts.clone();
        Arrays.parallelPrefix(cumulative, Double::sum);
        this.mean = mean;
        this.std = std;
    }

    /** The sampler of {@code column} from its training values. */
    static Neighbourhood of(Column column, boolean discretize, String source) {
        if (column instanceof CategoricalColumn c) {
            long[] counts = c.levelCounts();
            List<String> levels = new ArrayList<>();
            List<Double> seen = new ArrayList<>();
            List<String> sorted = new ArrayList<>(c.levels());
            sorted.sort(null);
            for (String level : sorted) {
                long n = counts[c.levels().indexOf(level)];
                if (n > 0) {
                    levels.add(level);
                    seen.add((double) n);
                }
            }
            if (levels.isEmpty()) {
                throw allMissing(column.name(), source);
            }
            return new Neighbourhood(column.name(), null, levels, seen.stream().mapToDouble(Double::doubleValue).toArray(), 0, 1);
        }
        if (!(column instanceof NumericColumn n)) {
            throw new InvalidInputException("Column '" + column.name() + "' of " + source + " holds free text; LIME explains numeric"
                    + " and categorical columns only.");
        }
        double[] values = Arrays.stream(n.toArray()).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            throw allMissing(column.name(), source);
        }
        if (discretize) {
            Quartiles q = Quartiles.of(values);
            double[] counts = new double[q.bins()];
            for (double v : values) {
                counts[q.bin(v)]++;
            }
            return new Neighbourhood(column.name(), q, List.of(), counts, 0, 1);
        }
        double m = Arrays.stream(values).average().orElseThrow();
        double ss = Arrays.stream(values).map(v -> (v - m) * (v - m)).sum();
        double sd = Math.sqrt(ss / values.length);
        return new Neighbourhood(column.name(), null, List.of(), new double[0], m, sd == 0 ? 1 : sd);
    }

    String name() {
        return name;
    }

    boolean categorical() {
        return !levels.isEmpty();
    }

    /** The training levels of a categorical column, sorted. */
    List<String> levels() {
        return levels;
    }

    /**
     * Fills column {@code j} of the interpretable data {@code z} and the model inputs (numbers, or codes
     * into {@code codeLevels} for a categorical column) for {@code z.length} samples around the row's value
     * (a number, or its level's index in {@code codeLevels}); sample 0 is the row itself.
     */
    void sample(double rowValue, int rowCode, List<String> codeLevels, double[][] z, int j, double[] numbers, int[] codes,
            SplittableRandom random) {
        int n = z.length;
        if (categorical()) {
            String rowLevel = codeLevels.get(rowCode);
            for (int s = 1; s < n; s++) {
                String level = levels.get(draw(random));
                codes[s] = codeLevels.indexOf(level);
                z[s][j] = level.equals(rowLevel) ? 1 : 0;
            }
            codes[0] = rowCode;
            z[0][j] = 1;
        } else if (quartiles != null) {
            int rowBin = quartiles.bin(rowValue);
            for (int s = 1; s < n; s++) {
                int b = draw(random);
                z[s][j] = b == rowBin ? 1 : 0;
                numbers[s] = quartiles.draw(b, random);
            }
            numbers[0] = rowValue;
            z[0][j] = 1;
        } else {
            for (int s = 1; s < n; s++) {
                double g = random.nextGaussian();
                numbers[s] = g * std + mean;
                z[s][j] = g;
            }
            numbers[0] = rowValue;
            z[0][j] = (rowValue - mean) / std;
        }
    }

    private int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int k = 0;
        while (k < cumulative.length - 1 && cumulative[k] <= u) {
            k++;
        }
        return k;
    }

    private static InvalidInputException allMissing(String column, String source) {
        return new InvalidInputException("Column '" + column + "' of the background data " + source + " has no values (all"
                + " missing); LIME samples each column from its background values.");
    }
}
