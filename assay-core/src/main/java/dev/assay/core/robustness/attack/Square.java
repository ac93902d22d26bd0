package dev.assay.core.robustness.attack;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Square attack of Andriushchenko et al. (2020), a random search that needs only scores. On images it redraws a
 * square window of pixels; a table row has no neighbourhoods, so here the "square" is a random subset of the attacked
 * columns, drawn anew for each row and iteration, whose size {@code max(1, round(p · d))} follows the paper's schedule
 * for {@code p}: {@code p_init} halved after 10, 50, 200, 500, 1000, 2000, 4000, 6000 and 8000 of 10,000 iterations
 * (rescaled to the iterations run). L-infinity: the start sets every column to {@code ±eps} with random signs; each
 * iteration redraws the subset's values as {@code ±eps}. L2: the start is a random Gaussian direction of norm eps; each
 * iteration takes a second, disjoint subset of the same size, redraws the first subset as a random Gaussian direction
 * carrying the norm of both subsets plus the unused budget, and empties the second, so that the norm stays eps (the
 * paper's window pair, its pattern replaced by a fresh random direction, which, unlike a change added to the old
 * values, can also reverse a single column). A candidate is kept for the rows whose true-class score fell (the margin loss of a binary model);
 * rows whose prediction flipped are attacked no more. Values are clipped to the bounds. Each iteration is one predict
 * call over all rows still attacked, so at most {@code iterations + 1} calls per eps. Seeded, so deterministic.
 */
final class Square implements Attack {
    private static final int[] SCHEDULE = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};

    private final int iterations;
    private final double pInit;
    private final boolean linf;
    private final long seed;

    Square(int iterations, double pInit, boolean linf, long seed) {
        this.iterations = iterations;
        this.pInit = pInit;
        this.linf = linf;
        this.seed = seed;
    }

    /** The share of the columns redrawn at iteration {@code it} of {@code n} (the paper's {@code p_selection}). */
    static double p(double pInit, int it, int n) {
        int scaled = (int) ((long) it * 10_000 / n);
        double p = pInit;
        for (int edge : SCHEDULE) {
            if (scaled > edge) {
                p /= 2;
            }
        }
        return p;
    }

    @Override
    public double[][] run(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[] cleanScores,
            double eps) {
        int d = space.dims();
        double[][] delta = new double[d][rows.length];
        if (eps == 0) {
            return delta;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = new double[rows.length];
        boolean[] fooled = new boolean[rows.length];
        double[][] start = new double[d][rows.length];
        for (int k = 0; k < rows.length; k++) {
            double[] v = linf ? signs(random, d, eps) : gaussian(random, d, eps);
            for (int j = 0; j < d; j++) {
                start[j][k] = space.clip(j, rows[k], v[j]);
            }
        }
        int[] all = IntStream.range(0, rows.length).toArray();
        keep(space, oracle, rows, truth, all, start, delta, best, fooled, true);
        for (int it = 0; it < iterations; it++) {
            int[] active = IntStream.range(0, rows.length).filter(k -> !fooled[k]).toArray();
            if (active.length == 0) {
                break;
            }
            int m = Math.max(1, (int) Math.round(p(pInit, it, iterations) * d));
            double[][] candidate = Attack.select(delta, active);
            for (int a = 0; a < active.length; a++) {
                int[] order = permutation(random, d);
                if (linf) {
                    for (int i = 0; i < Math.min(m, d); i++) {
                        candidate[order[i]][a] = random.nextBoolean() ? eps : -eps;
                    }
                } else {
                    moveMass(random, candidate, a, order, Math.min(m, d), eps);
                }
                for (int j = 0; j < d; j++) {
                    candidate[j][a] = space.clip(j, rows[active[a]], candidate[j][a]);
                }
            }
            keep(space, oracle, rows, truth, active, candidate, delta, best, fooled, false);
        }
        return delta;
    }

    /** Scores {@code candidate} (one call) and keeps it for the rows whose true-class score fell, or all with {@code always}. */
    private static void keep(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, int[] active,
            double[][] candidate, double[][] delta, double[] best, boolean[] fooled, boolean always) {
        double[] p = oracle.scores(space.frame(Attack.select(rows, active), candidate));
        for (int a = 0; a < active.length; a++) {
            int k = active[a];
            double t = Attack.trueScore(p[a], truth[k]);
            if (always || t < best[k]) {
                best[k] = t;
                for (int j = 0; j < delta.length; j++) {
                    delta[j][k] = candidate[j][a];
                }
                fooled[k] = oracle.positive(p[a]) != truth[k];
            }
        }
    }

    /**
     * The L2 update: the first {@code m} columns of {@code order} are redrawn as a random Gaussian direction carrying
     * the norm of both subsets and the unused budget; the next {@code m} columns (when they exist) are emptied.
     */
    private static void moveMass(SplittableRandom random, double[][] c, int a, int[] order, int m, double eps) {
        int second = Math.min(2 * m, order.length);
        double total = 0;
        double window = 0;
        for (int i = 0; i < order.length; i++) {
            double v = c[order[i]][a] * c[order[i]][a];
            total += v;
            window += i < second ? v : 0;
        }
        double[] change = gaussian(random, m, Math.sqrt(Math.max(0, window + eps * eps - total)));
        for (int i = 0; i < second; i++) {
            c[order[i]][a] = i < m ? change[i] : 0;
        }
    }

    private static double[] signs(SplittableRandom random, int d, double eps) {
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = random.nextBoolean() ? eps : -eps;
        }
        return out;
    }

    /** A random direction of norm {@code eps}. */
    private static double[] gaussian(SplittableRandom random, int d, double eps) {
        double[] out = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double u1 = 1 - random.nextDouble();
            out[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
            norm += out[j] * out[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            out[j] = norm > 0 ? out[j] * eps / norm : 0;
        }
        return out;
    }

    static int[] permutation(SplittableRandom random, int d) {
        int[] out = IntStream.range(0, d).toArray();
        for (int i = d - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
