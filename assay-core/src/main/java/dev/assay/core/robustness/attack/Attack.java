package dev.assay.core.robustness.attack;

/**
 * An evasion attack on the rows of an {@link AttackSpace}: it lowers each row's true-class score (the
 * positive-class probability for a positive row, its complement otherwise) within a budget, batching every model
 * call over all rows still attacked, and stops attacking a row once its predicted class differs from its label.
 */
interface Attack {

    /**
     * @param rows the rows attacked (clean-correct rows), as indices into the space's rows
     * @param truth whether each attacked row's label is the positive class
     * @param cleanScores each attacked row's clean positive-class score
     * @param eps the budget in scale units
     * @return the perturbation {@code [column][k]} of each attacked row, in scale units, within the budget and bounds
     */
    double[][] run(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[] cleanScores, double eps);

    /** The attack of {@code settings}. */
    static Attack of(AttackSettings settings, int dims) {
        double step = settings.step(dims);
        boolean linf = settings.norm() == AttackSettings.Norm.LINF;
        return switch (settings.method()) {
            case FGSM -> new GradientAttack(1, 1, linf, settings.roundIntegers());
            case PGD -> new GradientAttack(settings.steps(), step, linf, settings.roundIntegers());
            case SIMBA -> new Simba(settings.steps(), step, linf, settings.seed());
            case SQUARE -> new Square(settings.steps(), step, linf, settings.seed());
            case HSJ -> throw new IllegalArgumentException("HopSkipJump minimises the perturbation and has no budget to run at");
        };
    }

    /** The true-class score of a positive-class score. */
    static double trueScore(double score, boolean truth) {
        return truth ? score : 1 - score;
    }

    /** {@code delta[.][k]} moved back into the ball of radius {@code eps}: per coordinate (L-infinity) or scaled (L2). */
    static void project(double[][] delta, int k, double eps, boolean linf) {
        if (linf) {
            for (double[] d : delta) {
                d[k] = Math.max(-eps, Math.min(eps, d[k]));
            }
            return;
        }
        double norm = 0;
        for (double[] d : delta) {
            norm += d[k] * d[k];
        }
        norm = Math.sqrt(norm);
        if (norm > eps) {
            for (double[] d : delta) {
                d[k] *= eps / norm;
            }
        }
    }

    /** The columns {@code keep} of {@code delta}'s rows. */
    static double[][] select(double[][] delta, int[] keep) {
        double[][] out = new double[delta.length][keep.length];
        for (int j = 0; j < delta.length; j++) {
            for (int a = 0; a < keep.length; a++) {
                out[j][a] = delta[j][keep[a]];
            }
        }
        return out;
    }

    /** {@code rows[keep]}. */
    static int[] select(int[] rows, int[] keep) {
        int[] out = new int[keep.length];
        for (int a = 0; a < keep.length; a++) {
            out[a] = rows[keep[a]];
        }
        return out;
    }
}
