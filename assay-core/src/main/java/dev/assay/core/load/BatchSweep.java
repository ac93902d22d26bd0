package dev.assay.core.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A sweep of an in-process model over batch sizes and worker counts: one load run per pair, in the order
 * batch size, then workers. A request carries {@code batchSize} rows, so the rate of rows is
 * {@code throughput_rps * batchSize}; larger batches usually raise it at the cost of each request's
 * latency, and more workers help until the cores are busy. The best point is the one with the highest
 * row rate among those meeting the caller's objective (as Triton's perf_analyzer reports the best
 * concurrency and batch size for a latency budget).
 */
public final class BatchSweep {
    /** One run of the sweep. */
    public record Point(int batchSize, int workers, LoadResult result) {
        public Point {
            Objects.requireNonNull(result, "result");
        }

        /** Rows predicted per second: {@code throughput_rps * batchSize}. */
        public double rowsPerSecond() {
            return result.throughputRps() * batchSize;
        }
    }

    /** Every point, in run order. */
    public record Outcome(List<Point> points) {
        public Outcome {
            points = List.copyOf(points);
        }

        /** The point with the highest row rate among those that {@code meet} the objective; empty if none does. */
        public Optional<Point> best(Predicate<LoadResult> meet) {
            return points.stream().filter(p -> meet.test(p.result())).max(Comparator.comparingDouble(Point::rowsPerSecond));
        }
    }

    /** Runs one point of the sweep. */
    @FunctionalInterface
    public interface Runner {
        LoadResult run(int batchSize, int workers) throws InterruptedException;
    }

    private BatchSweep() {
    }

    /**
     * Runs every pair of {@code batchSizes} and {@code workers}.
     *
     * @throws IllegalArgumentException when either list is empty or holds a value below 1
     */
    public static Outcome run(List<Integer> batchSizes, List<Integer> workers, Runner runner) throws InterruptedException {
        positive(batchSizes, "batch sizes");
        positive(workers, "worker counts");
        List<Point> points = new ArrayList<>();
        for (int b : batchSizes) {
            for (int w : workers) {
                points.add(new Point(b, w, runner.run(b, w)));
            }
        }
        return new Outcome(points);
    }

    private static void positive(List<Integer> values, String what) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v < 1)) {
            throw new IllegalArgumentException(what + " must be one or more values of at least 1, got " + values);
        }
    }
}
