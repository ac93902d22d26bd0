package dev.assay.core.resample;

import java.util.Arrays;
import java.util.Comparator;

/**
 * NearMiss under-sampling (Mani and Zhang, 2003), keeping the rows of each under-sampled class that are:
 * version 1, nearest on average to their {@code k} nearest minority rows; version 2, nearest on average to
 * their {@code k} farthest minority rows; version 3, among the {@code k3} nearest rows of the class to some
 * minority row, those farthest on average from their {@code k} nearest minority rows. Defaults
 * {@code k = 3}, {@code k3 = 3}. Classes in sorted order; rows in order of the criterion (stable on ties).
 *
 * <p>Reference: imbalanced-learn {@code NearMiss(version=..., n_neighbors=3, n_neighbors_ver3=3)}.
 * NearMiss-3 may keep fewer rows than asked, as imbalanced-learn.
 */
public final class NearMiss implements Sampler {
    private final SamplingStrategy strategy;
    private final int version;
    private final int k;
    private final int k3;

    public NearMiss(SamplingStrategy strategy, int version, int k, int k3) {
        if (version < 1 || version > 3) {
            throw new IllegalArgumentException("version must be 1, 2 or 3, found " + version);
        }
        this.strategy = strategy;
        this.version = version;
        this.k = k;
        this.k3 = k3;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.UNDER);
        int min = classes.minority();
        if (classes.counts()[min] < k) {
            throw new dev.assay.core.error.InvalidInputException("The minority class '" + classes.names().get(min) + "' has "
                    + classes.counts()[min] + " rows; NearMiss with k=" + k + " needs at least " + k + ". Lower k.");
        }
        double[][] xmin = Rows.pick(x, classes.rowsOf(min));
        int[] kept = new int[0];
        for (int c = 0; c < targets.length; c++) {
            int[] rows = classes.rowsOf(c);
            if (targets[c] < 0) {
                kept = Rows.concat(kept, rows);
                continue;
            }
            double[][] xc = Rows.pick(x, rows);
            int[] chosen;
            if (version == 3) {
                if (rows.length < k3) {
                    throw new dev.assay.core.error.InvalidInputException("Class '" + classes.names().get(c) + "' has "
                            + rows.length + " rows; NearMiss-3 with k3=" + k3 + " needs at least " + k3 + ". Lower k3.");
                }
                int[] candidates = Arrays.stream(Neighbors.of(xc, xmin, k3).index()).flatMapToInt(Arrays::stream)
                        .distinct().sorted().toArray();
                int[] order = select(Neighbors.of(xmin, Rows.pick(xc, candidates), k).distance(), k, targets[c], true);
                chosen = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    chosen[i] = rows[candidates[order[i]]];
                }
            } else {
                int kk = version == 1 ? k : classes.counts()[min];
                int[] order = select(Neighbors.of(xmin, xc, kk).distance(), k, targets[c], false);
                chosen = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    chosen[i] = rows[order[i]];
                }
            }
            kept = Rows.concat(kept, chosen);
        }
        return Resampled.keeping(kept);
    }

    /** The first {@code n} rows by the sum of their last {@code k} distances, ascending (or descending), stable. */
    private static int[] select(double[][] dist, int k, int n, boolean farthest) {
        double[] score = new double[dist.length];
        for (int i = 0; i < dist.length; i++) {
            double[] d = Arrays.copyOfRange(dist[i], dist[i].length - k, dist[i].length);
            score[i] = PairwiseSum.of(d);
        }
        Comparator<Integer> by = Comparator.comparingDouble(i -> score[i]);
        Integer[] idx = new Integer[dist.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, farthest ? by.reversed() : by);
        return Arrays.stream(idx).limit(n).mapToInt(Integer::intValue).toArray();
    }
}
