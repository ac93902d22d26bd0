package dev.assay.core.robustness.attack;

import java.util.stream.IntStream;

/**
 * FGSM and PGD with the model's exact gradients when it gives them ({@link ScoreOracle#hasGradients()}: one gradient
 * call per step, the derivative in scale units being {@code scale_j · dp/dx_j}), and otherwise with gradients
 * estimated by central finite differences: the partial derivative of the
 * positive-class score along column {@code j} is {@code (f(x + h e_j) − f(x − h e_j)) / 2h} with
 * {@code h = }{@value #H} scale units, two predict calls over all rows still attacked per column, so
 * {@code 2d} calls per gradient. Each step moves against the gradient of the true-class score:
 * {@code delta −= alpha · sign(g)} (L-infinity) or {@code delta −= alpha · g / ||g||_2} (L2), then projects onto
 * the eps-ball and the bounds (Madry et al. 2018, without random start); FGSM is one step with
 * {@code alpha = eps} (Goodfellow et al. 2015). Between PGD steps one further call finds the rows already fooled
 * once their values are made valid (bounds, whole numbers), which are attacked no more. Predict calls with finite
 * differences: FGSM {@code 2d}; PGD at most {@code steps · (2d + 1) − 1} per eps; with exact gradients FGSM one gradient
 * call, PGD at most {@code steps} gradient calls and {@code steps − 1} predict calls.
 */
final class GradientAttack implements Attack {
    static final double H = 1e-3;

    private final int steps;
    private final double step;
    private final boolean linf;
    private final boolean round;

    /** @param round whether the rows already fooled are judged after rounding whole-number columns */
    GradientAttack(int steps, double step, boolean linf, boolean round) {
        this.steps = steps;
        this.step = step;
        this.linf = linf;
        this.round = round;
    }

    @Override
    public double[][] run(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[] cleanScores,
            double eps) {
        int d = space.dims();
        double[][] delta = new double[d][rows.length];
        int[] active = IntStream.range(0, rows.length).toArray();
        double alpha = step * eps;
        for (int s = 0; s < steps && active.length > 0 && eps > 0; s++) {
            int[] sub = Attack.select(rows, active);
            double[][] current = Attack.select(delta, active);
            double[][] g = oracle.hasGradients() ? analytic(space, oracle, sub, current) : estimated(space, oracle, sub, current);
            for (int j = 0; j < d; j++) {
                for (int a = 0; a < active.length; a++) {
                    double slope = space.movable(j, sub[a]) ? g[j][a] : 0;
                    g[j][a] = truth[active[a]] ? slope : -slope;
                }
            }
            for (int a = 0; a < active.length; a++) {
                int k = active[a];
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += g[j][a] * g[j][a];
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    double move = linf ? Math.signum(g[j][a]) : norm > 0 ? g[j][a] / norm : 0;
                    delta[j][k] -= alpha * move;
                }
                Attack.project(delta, k, eps, linf);
                for (int j = 0; j < d; j++) {
                    delta[j][k] = space.clip(j, rows[k], delta[j][k]);
                }
            }
            if (s + 1 < steps) {
                active = stillCorrect(space, oracle, rows, truth, delta, active, round);
            }
        }
        return delta;
    }

    /** The exact gradient of the positive-class score in scale units, {@code [column][k]} (one gradient call). */
    private static double[][] analytic(AttackSpace space, ScoreOracle oracle, int[] sub, double[][] current) {
        double[][] g = oracle.gradients(space.frame(sub, current), space.columns());
        for (int j = 0; j < g.length; j++) {
            for (int a = 0; a < sub.length; a++) {
                g[j][a] *= space.scale(j);
            }
        }
        return g;
    }

    /** The central finite-difference gradient of the positive-class score in scale units ({@code 2d} calls). */
    private static double[][] estimated(AttackSpace space, ScoreOracle oracle, int[] sub, double[][] current) {
        double[][] g = new double[space.dims()][sub.length];
        for (int j = 0; j < g.length; j++) {
            double[] up = oracle.scores(space.shifted(sub, current, j, H));
            double[] down = oracle.scores(space.shifted(sub, current, j, -H));
            for (int a = 0; a < sub.length; a++) {
                g[j][a] = (up[a] - down[a]) / (2 * H);
            }
        }
        return g;
    }

    /**
     * The rows of {@code active} whose perturbed prediction, once made valid ({@link AttackSpace#finish}), is still
     * correct (one call); a row whose rounded values would undo the attack is attacked further.
     */
    private static int[] stillCorrect(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[][] delta,
            int[] active, boolean round) {
        int[] sub = Attack.select(rows, active);
        double[] p = oracle.scores(space.withValues(sub, space.finish(sub, Attack.select(delta, active), round)));
        return IntStream.range(0, active.length).filter(a -> oracle.positive(p[a]) == truth[active[a]]).map(a -> active[a])
                .toArray();
    }
}
