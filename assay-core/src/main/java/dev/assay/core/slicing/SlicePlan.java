package dev.assay.core.slicing;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.List;
import java.util.Objects;

/**
 * What a sliced evaluation measures: the metrics of each slice of some columns and pairs of columns.
 *
 * @param columns the columns sliced one at a time
 * @param pairs the pairs of columns sliced together (each a list of two)
 * @param binning how each column is cut
 * @param minSize the fewest rows a slice needs to be measured; smaller slices are listed as skipped
 * @param metrics the metric ids measured on each slice
 * @param ci the intervals of the metrics; null for none
 */
public record SlicePlan(List<String> columns, List<List<String>> pairs, Binning binning, int minSize, List<String> metrics,
        IntervalSettings ci) {
    /** Slices smaller than this are skipped unless told otherwise. */
    public static final int DEFAULT_MIN_SIZE = 30;

    /**
     * @throws InvalidInputException for no columns, a pair that is not two different columns, a
     *     minimum size below 1 or no metrics
     */
    public SlicePlan {
        columns = List.copyOf(columns);
        pairs = pairs.stream().map(List::copyOf).toList();
        Objects.requireNonNull(binning, "binning");
        metrics = List.copyOf(metrics);
        if (columns.isEmpty() && pairs.isEmpty()) {
            throw new InvalidInputException("name at least one column to slice by.");
        }
        for (List<String> p : pairs) {
            if (p.size() != 2 || p.get(0).equals(p.get(1))) {
                throw new InvalidInputException("a pair names two different columns, e.g. [sex, age]; found " + p + ".");
            }
        }
        if (minSize < 1) {
            throw new InvalidInputException("the minimum slice size must be at least 1, not " + minSize + ".");
        }
        if (metrics.isEmpty()) {
            throw new InvalidInputException("name at least one metric to measure on each slice, e.g. [recall, precision].");
        }
    }

    /** The metrics measured when none are named: recall, precision, f1 (binary); accuracy, f1_macro; mae, rmse. */
    public static List<String> defaultMetrics(Task task) {
        return switch (task) {
            case BINARY -> List.of("recall", "precision", "f1");
            case MULTICLASS -> List.of("accuracy", "f1_macro");
            case REGRESSION -> List.of("mae", "rmse");
        };
    }

    /** Every pair of {@code columns}, in order: [a, b], [a, c], [b, c]. */
    public static List<List<String>> allPairs(List<String> columns) {
        List<List<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                out.add(List.of(columns.get(i), columns.get(j)));
            }
        }
        return out;
    }
}
