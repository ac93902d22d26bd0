package dev.assay.core.uncertainty;

import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreRanking;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The bootstrap replicates of the ranking metrics (roc_auc, average_precision) of a binary task
 * without re-evaluating each resample: the scores are sorted once ({@link ScoreRanking}), and each
 * drawn row adds its sample weight (1 without weights) to the slot of its class and distinct score,
 * so a resample's {@link RankingCurve} is one pass over the distinct scores.
 *
 * <p>The draws are those of {@link MetricBootstrap}'s resampling: resample b takes the b-th
 * generator and draws {@code n_j} row indices with replacement from each stratum j in turn, the
 * classic multinomial bootstrap (not a Poisson approximation). A resample that repeats a row c times
 * and that row weighing c times its weight give the same curve, so the replicates equal the
 * re-evaluated ones: exactly without sample weights (the sums are of whole numbers), and up to
 * rounding of the weight sums with them. Resamples run in parallel in chunks of consecutive resamples;
 * each resample's value depends on its generator only, not on the number of threads.
 *
 * <p>The draws give {@code SplittableRandom.nextInt(bound)} of Java 17 exactly (the same 32-bit
 * values, rejection included), with the remainder by multiplication instead of division (Lemire,
 * Kaser and Kurz 2019, "Faster remainder by direct computation"); a check at class loading compares
 * the two and falls back to {@code nextInt(bound)} should a Java version draw differently.
 */
final class RankingBootstrap {
    /** The metrics computed here. */
    static final List<String> METRICS = List.of("roc_auc", "average_precision");

    /** Whether {@link #nextInt} draws what {@code SplittableRandom.nextInt(bound)} draws on this Java. */
    static final boolean FAST_DRAWS = drawsMatch();

    private RankingBootstrap() {
    }

    /**
     * The value of each metric in {@code ids} (each one of {@link #METRICS}) on each resample:
     * {@code [metric][resample]}.
     *
     * @param ranking the rows, ranked once
     * @param strata the row indices of each stratum, in drawing order
     * @param streams one generator per resample, consumed
     */
    static double[][] replicates(ScoreRanking ranking, List<String> ids, int[][] strata, SplittableRandom[] streams) {
        // slots as chars when they fit: half the memory read at random per draw, mostly from cache
        boolean narrow = ranking.slots() <= Character.MAX_VALUE + 1;
        int[][] slots = new int[strata.length][];
        char[][] narrowSlots = new char[strata.length][];
        double[][] weights = new double[strata.length][];
        for (int j = 0; j < strata.length; j++) {
            int size = strata[j].length;
            slots[j] = narrow ? null : new int[size];
            narrowSlots[j] = narrow ? new char[size] : null;
            weights[j] = ranking.weighted() ? new double[size] : null;
            for (int i = 0; i < size; i++) {
                int slot = ranking.slot(strata[j][i]);
                if (narrow) {
                    narrowSlots[j][i] = (char) slot;
                } else {
                    slots[j][i] = slot;
                }
                if (weights[j] != null) {
                    weights[j][i] = ranking.weight(strata[j][i]);
                }
            }
        }
        boolean[] auc = isRocAuc(ids);
        int count = streams.length;
        double[][] out = new double[ids.size()][count];
        int chunks = Math.max(1, Math.min(count, 4 * ForkJoinPool.getCommonPoolParallelism()));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] slotWeights = new double[ranking.slots()];
            double[] tps = new double[ranking.distinct()];
            double[] fps = new double[ranking.distinct()];
            for (int b = (int) ((long) count * c / chunks); b < (int) ((long) count * (c + 1) / chunks); b++) {
                Arrays.fill(slotWeights, 0);
                SplittableRandom random = streams[b];
                for (int j = 0; j < slots.length; j++) {
                    if (narrow) {
                        draw(random, narrowSlots[j], weights[j], slotWeights);
                    } else {
                        draw(random, slots[j], weights[j], slotWeights);
                    }
                }
                RankingCurve curve = ranking.curve(slotWeights, tps, fps);
                for (int m = 0; m < auc.length; m++) {
                    out[m][b] = auc[m] ? curve.rocAuc() : curve.averagePrecision();
                }
            }
        });
        return out;
    }

    /** For each id, whether it is roc_auc (else average_precision). */
    static boolean[] isRocAuc(List<String> ids) {
        boolean[] auc = new boolean[ids.size()];
        for (int m = 0; m < ids.size(); m++) {
            if (!METRICS.contains(ids.get(m))) {
                throw new IllegalArgumentException("not a ranking metric: " + ids.get(m));
            }
            auc[m] = ids.get(m).equals("roc_auc");
        }
        return auc;
    }

    /** Draws {@code slots.length} members of a stratum with replacement, adding each one's weight to its slot. */
    private static void draw(SplittableRandom random, int[] slots, double[] weights, double[] slotWeights) {
        int size = slots.length;
        int mask = size - 1;
        long magic = Long.divideUnsigned(-1L, size) + 1;
        for (int i = 0; i < size; i++) {
            int k = FAST_DRAWS ? nextInt(random, size, mask, magic) : random.nextInt(size);
            slotWeights[slots[k]] += weights == null ? 1 : weights[k];
        }
    }

    /** {@link #draw(SplittableRandom, int[], double[], double[])} with slots below 2^16. */
    private static void draw(SplittableRandom random, char[] slots, double[] weights, double[] slotWeights) {
        int size = slots.length;
        int mask = size - 1;
        long magic = Long.divideUnsigned(-1L, size) + 1;
        for (int i = 0; i < size; i++) {
            int k = FAST_DRAWS ? nextInt(random, size, mask, magic) : random.nextInt(size);
            slotWeights[slots[k]] += weights == null ? 1 : weights[k];
        }
    }

    /**
     * {@code random.nextInt(bound)} as Java 17 draws it ({@code RandomSupport.boundedNextInt}), given
     * {@code mask = bound − 1} and {@code magic} of {@link #remainder}.
     */
    static int nextInt(SplittableRandom random, int bound, int mask, long magic) {
        int r = random.nextInt();
        if ((bound & mask) == 0) {
            return r & mask;
        }
        int k;
        int u = r >>> 1;
        while (u + mask - (k = remainder(u, bound, magic)) < 0) {
            u = random.nextInt() >>> 1;
        }
        return k;
    }

    /**
     * {@code u % d} for {@code 0 <= u < 2^31} and {@code 0 < d < 2^31} with {@code magic = ⌊(2^64 − 1) / d⌋ + 1}:
     * the high 64 bits of {@code (magic · u mod 2^64) · d}.
     */
    static int remainder(int u, int d, long magic) {
        long low = magic * u;
        // unsigned high product: the signed one plus d when low's top bit is set (d is non-negative)
        return (int) (Math.multiplyHigh(low, d) + ((low >> 63) & d));
    }

    /** Whether the draws here give what {@code SplittableRandom.nextInt(bound)} gives, on a few seeds and bounds. */
    private static boolean drawsMatch() {
        int[] bounds = {1, 2, 3, 7, 10, 300, 1000, 65_536, 700_001, 1_000_000, Integer.MAX_VALUE / 3 * 2, Integer.MAX_VALUE};
        for (int bound : bounds) {
            int mask = bound - 1;
            long magic = Long.divideUnsigned(-1L, bound) + 1;
            SplittableRandom a = new SplittableRandom(bound);
            SplittableRandom b = new SplittableRandom(bound);
            for (int i = 0; i < 2000; i++) {
                int k = nextInt(b, bound, mask, magic);
                if (k != a.nextInt(bound)) {
                    return false;
                }
            }
        }
        return true;
    }
}
