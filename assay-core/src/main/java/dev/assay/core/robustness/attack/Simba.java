package dev.assay.core.robustness.attack;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * SimBA, the simple black-box attack of Guo et al. (2019) in the coordinate basis, which needs only scores: in
 * a seeded random order of the attacked columns, for each column {@code q} try {@code delta − alpha e_q}; keep it
 * for the rows whose true-class score fell, and for the others try {@code delta + alpha e_q}, kept where the score
 * fell. Each try is one predict call over all rows still attacked, projected onto the eps-ball and the bounds;
 * rows whose prediction flipped are attacked no more. {@code passes} runs over the columns cost at most
 * {@code 2 · d · passes} calls per eps. The order is the same for every row, so that each try is one batch.
 */
final class Simba implements Attack {
    private final int passes;
    private final double step;
    private final boolean linf;
    private final long seed;

    Simba(int passes, double step, boolean linf, long seed) {
        this.passes = passes;
        this.step = step;
        this.linf = linf;
        this.seed = seed;
    }

    @Override
    public double[][] run(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[] cleanScores,
            double eps) {
        int d = space.dims();
        double[][] delta = new double[d][rows.length];
        double[] best = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            best[k] = Attack.trueScore(cleanScores[k], truth[k]);
        }
        boolean[] fooled = new boolean[rows.length];
        int[] order = order(d);
        double alpha = step * eps;
        for (int pass = 0; pass < passes && eps > 0; pass++) {
            for (int q : order) {
                boolean[] moved = new boolean[rows.length];
                for (double sign : new double[] {-1, 1}) {
                    int[] active = IntStream.range(0, rows.length)
                            .filter(k -> !fooled[k] && !moved[k] && space.movable(q, rows[k])).toArray();
                    if (active.length == 0) {
                        break;
                    }
                    double[][] candidate = Attack.select(delta, active);
                    for (int a = 0; a < active.length; a++) {
                        candidate[q][a] += sign * alpha;
                        Attack.project(candidate, a, eps, linf);
                        for (int j = 0; j < d; j++) {
                            candidate[j][a] = space.clip(j, rows[active[a]], candidate[j][a]);
                        }
                    }
                    double[] p = oracle.scores(space.frame(Attack.select(rows, active), candidate));
                    for (int a = 0; a < active.length; a++) {
                        int k = active[a];
                        double t = Attack.trueScore(p[a], truth[k]);
                        if (t < best[k]) {
                            best[k] = t;
                            moved[k] = true;
                            for (int j = 0; j < d; j++) {
                                delta[j][k] = candidate[j][a];
                            }
                            fooled[k] = oracle.positive(p[a]) != truth[k];
                        }
                    }
                }
            }
        }
        return delta;
    }

    private int[] order(int d) {
        int[] out = IntStream.range(0, d).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = d - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
