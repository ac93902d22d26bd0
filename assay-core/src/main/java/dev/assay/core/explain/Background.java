package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The rows a feature takes its values from when it is left out of a coalition (the interventional
 * background), each with a weight; the value of a coalition is the weighted mean of the model's output
 * over these rows.
 *
 * @param rows the background rows
 * @param weights one positive weight per row, summing to 1
 */
public record Background(Frame rows, double[] weights) {

    public Background {
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The background data " + rows.source() + " has no rows; explanations need at least one"
                    + " background row to replace left-out features with.");
        }
        if (weights.length != rows.rowCount()) {
            throw new IllegalArgumentException(weights.length + " weights for " + rows.rowCount() + " background rows");
        }
        double sum = Arrays.stream(weights).sum();
        if (!(sum > 0) || Arrays.stream(weights).anyMatch(w -> !(w >= 0) || Double.isInfinite(w))) {
            throw new IllegalArgumentException("background weights must be finite, non-negative and not all zero");
        }
        weights = Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    /** Every row of {@code frame}, equally weighted. */
    public static Background of(Frame frame) {
        double[] w = new double[frame.rowCount()];
        Arrays.fill(w, 1);
        return new Background(frame, w);
    }

    /**
     * A simple random sample of {@code n} rows of {@code frame} without replacement (all rows when it has
     * no more), in the order drawn by a partial Fisher-Yates shuffle seeded with {@code seed}.
     */
    public static Background sample(Frame frame, int n, long seed) {
        if (n < 1) {
            throw new InvalidInputException("The background size must be at least 1, got " + n + ".");
        }
        if (n >= frame.rowCount()) {
            return of(frame);
        }
        int[] order = IntStream.range(0, frame.rowCount()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return of(frame.slice(Arrays.copyOf(order, n)));
    }

    /**
     * A weighted k-means summary of {@code frame} in {@code k} rows, as {@code shap.kmeans} (see
     * {@link KMeansSummary}); all rows when there are no more than k complete ones.
     */
    public static Background kmeans(Frame frame, int k, long seed) {
        return KMeansSummary.of(frame, k, seed);
    }

    /** The number of background rows. */
    public int size() {
        return weights.length;
    }
}
