package dev.assay.core.uncertainty;

import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreRanking;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The Poisson bootstrap of the ranking metrics (roc_auc, average_precision) on large data: each row
 * enters a resample {@code k ~ Poisson(1)} times, independently of the others (Hanley and MacGibbon
 * 2006; Chamandy, Muralidharan, Najmi and Naidu 2012, "Estimating uncertainty for massive data
 * streams"), instead of the multinomial draw of exactly n rows. The rows are visited in the order of
 * their {@link ScoreRanking} slots, so a resample is one sequential pass over memory with no random
 * access, where the multinomial draw reads and writes a slot far outside the cache for every row.
 *
 * <p>The two bootstraps differ in that a Poisson resample's size and class counts vary (by about
 * √n); at the {@value #MIN_ROWS} rows and more it is used for, that changes an interval's ends by
 * far less than their Monte Carlo error ({@code PoissonRankingBootstrapTest} compares the two on real
 * data). Resample b draws from the b-th generator only, so the replicates do not depend on the number
 * of threads.
 */
final class PoissonRankingBootstrap {
    /** The fewest rows whose ranking-metric intervals take the Poisson bootstrap. */
    static final int MIN_ROWS = 200_000;

    /** P(K ≤ k) for K ~ Poisson(1), k = 0 .. 17, scaled to 2^53; the last entry is 2^53 (P(K > 17) < 2^-53). */
    private static final long[] CUMULATIVE = cumulative();
    private static final int CELL_BITS = 12;
    private static final int CELLS = 1 << CELL_BITS;
    /** The K of each cell of [0, 1) that lies within one step of the distribution function; -1 where a step falls inside. */
    private static final byte[] CELL = cells();

    private PoissonRankingBootstrap() {
    }

    /**
     * The value of each metric in {@code ids} (each one of {@link RankingBootstrap#METRICS}) on each
     * resample: {@code [metric][resample]}.
     *
     * @param streams one generator per resample, consumed
     */
    static double[][] replicates(ScoreRanking ranking, List<String> ids, SplittableRandom[] streams) {
        boolean[] auc = RankingBootstrap.isRocAuc(ids);
        int slots = ranking.slots();
        int rows = ranking.rows();
        int[] start = new int[slots + 1];
        for (int row = 0; row < rows; row++) {
            start[ranking.slot(row) + 1]++;
        }
        for (int s = 0; s < slots; s++) {
            start[s + 1] += start[s];
        }
        int[] slotOf = new int[rows];
        double[] weights = ranking.weighted() ? new double[rows] : null;
        int[] filled = start.clone();
        for (int row = 0; row < rows; row++) {
            int at = filled[ranking.slot(row)]++;
            slotOf[at] = ranking.slot(row);
            if (weights != null) {
                weights[at] = ranking.weight(row);
            }
        }
        int count = streams.length;
        double[][] out = new double[ids.size()][count];
        int chunks = Math.max(1, Math.min(count, 4 * ForkJoinPool.getCommonPoolParallelism()));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] slotWeights = new double[slots];
            double[] tps = new double[ranking.distinct()];
            double[] fps = new double[ranking.distinct()];
            for (int b = (int) ((long) count * c / chunks); b < (int) ((long) count * (c + 1) / chunks); b++) {
                java.util.Arrays.fill(slotWeights, 0);
                Draws draws = new Draws(streams[b]);
                for (int p = 0; p < rows; p++) {
                    int k = draws.next();
                    slotWeights[slotOf[p]] += weights == null ? k : k * weights[p];
                }
                RankingCurve curve = ranking.curve(slotWeights, tps, fps);
                for (int m = 0; m < auc.length; m++) {
                    out[m][b] = auc[m] ? curve.rocAuc() : curve.averagePrecision();
                }
            }
        });
        return out;
    }

    /**
     * Draws of K ~ Poisson(1), five from each 64-bit random value: a 12-bit cell of [0, 1) gives K
     * at once when the distribution function has no step inside the cell; in the few cells with a
     * step, 41 more random bits place the draw within the cell and the step decides. So the draws
     * are exact to the 53 bits of {@link #CUMULATIVE}, and nearly all cost one table read.
     */
    static final class Draws {
        private final SplittableRandom random;
        private long bits;
        private int left;

        Draws(SplittableRandom random) {
            this.random = random;
        }

        int next() {
            if (left == 0) {
                bits = random.nextLong();
                left = 5;
            }
            int cell = (int) (bits & (CELLS - 1));
            bits >>>= CELL_BITS;
            left--;
            int k = CELL[cell];
            return k >= 0 ? k : inverse(((long) cell << (53 - CELL_BITS)) | (random.nextLong() >>> (11 + CELL_BITS)));
        }
    }

    /** K ~ Poisson(1) by inversion of its distribution function at {@code u / 2^53}, for {@code 0 <= u < 2^53}. */
    static int inverse(long u) {
        int k = 0;
        while (u >= CUMULATIVE[k]) {
            k++;
        }
        return k;
    }

    private static byte[] cells() {
        byte[] out = new byte[CELLS];
        for (int c = 0; c < CELLS; c++) {
            long lo = (long) c << (53 - CELL_BITS);
            long hi = ((long) c + 1) << (53 - CELL_BITS);
            int k = inverse(lo);
            out[c] = (byte) (hi <= CUMULATIVE[k] ? k : -1);
        }
        return out;
    }

    private static long[] cumulative() {
        long[] out = new long[18];
        double p = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            sum += p;
            out[k] = Math.round(Math.scalb(sum, 53));
            p /= k + 1;
        }
        out[out.length - 1] = 1L << 53;
        return out;
    }
}
