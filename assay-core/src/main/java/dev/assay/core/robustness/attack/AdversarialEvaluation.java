package dev.assay.core.robustness.attack;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.progress.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs an attack at each budget on the rows a binary classifier predicts correctly, and measures clean and robust
 * accuracy, success rate, mean minimal perturbation and the model calls. One call scores the clean rows; at each
 * budget the attack runs from the clean rows, its perturbation is made valid (clipped to the bounds, then
 * whole-number columns rounded half-even to a whole number inside them: {@link AttackSpace#finish}) and one more call over all attacked rows
 * decides which are fooled. Rounding happens only at the end, so a rounded example may lie up to half a unit
 * outside the budget, and rounding may undo (or complete) an attack; the final call counts what the model does
 * with the valid rows.
 *
 * <p>HopSkipJump minimises instead: it runs once, without a budget, and its smallest adversarial example counts for
 * every budget at least its norm, stretched along its direction to that budget, made valid and checked by one call; a row is robust at eps when no adversarial
 * example was found or the smallest found is larger than eps (as Foolbox scores minimisation attacks). Its calls are
 * counted at the smallest budget.
 */
public final class AdversarialEvaluation {
    private AdversarialEvaluation() {
    }

    /**
     * @param space the attacked columns of the rows
     * @param truth whether each row's label is the positive class
     */
    public static AdversarialResult run(AttackSpace space, boolean[] truth, ScoreOracle oracle, AttackSettings settings) {
        return run(space, truth, oracle, settings, Progress.NONE);
    }

    /** As {@link #run(AttackSpace, boolean[], ScoreOracle, AttackSettings)}, reporting each budget done to {@code progress}. */
    public static AdversarialResult run(AttackSpace space, boolean[] truth, ScoreOracle oracle, AttackSettings settings,
            Progress progress) {
        Frame rows = space.rows();
        int n = rows.rowCount();
        if (n == 0) {
            throw new InvalidInputException("The data has no rows, so there is nothing to attack.");
        }
        double[] clean = oracle.scores(rows);
        int[] attacked = IntStream.range(0, n).filter(i -> oracle.positive(clean[i]) == truth[i]).toArray();
        boolean[] t = new boolean[attacked.length];
        double[] s = new double[attacked.length];
        for (int k = 0; k < attacked.length; k++) {
            t[k] = truth[attacked[k]];
            s[k] = clean[attacked[k]];
        }
        boolean linf = settings.norm() == AttackSettings.Norm.LINF;
        double[] minimal = new double[attacked.length];
        Arrays.fill(minimal, Double.NaN);
        double[] budgets = settings.eps().clone();
        Integer[] byBudget = IntStream.range(0, budgets.length).boxed().sorted((a, b) -> Double.compare(budgets[a], budgets[b]))
                .toArray(Integer[]::new);
        EpsilonResult[] results = new EpsilonResult[budgets.length];
        boolean minimising = settings.method() == AttackSettings.Method.HSJ;
        Attack attack = minimising ? null : Attack.of(settings, space.dims());
        double[][] smallest = null;
        progress.begin(settings.method().name().toLowerCase(java.util.Locale.ROOT) + " attack", budgets.length);
        try {
            for (int e : byBudget) {
                long before = oracle.calls();
                double[][] delta;
                if (space.dims() == 0 || attacked.length == 0) {
                    delta = new double[space.dims()][attacked.length];
                } else if (minimising) {
                    if (smallest == null) {
                        smallest = new HopSkipJump(settings.steps(), linf, settings.seed()).run(space, oracle, attacked, t);
                    }
                    delta = withinBudget(smallest, budgets[e], linf);
                } else {
                    delta = attack.run(space, oracle, attacked, t, s, budgets[e]);
                }
                double[][] values = space.finish(attacked, delta, settings.roundIntegers());
                double[][] valid = space.delta(attacked, values);
                double[] p = attacked.length == 0 ? new double[0] : oracle.scores(space.withValues(attacked, values));
                int[] fooled = IntStream.range(0, attacked.length).filter(k -> oracle.positive(p[k]) != t[k]).toArray();
                for (int k : fooled) {
                    if (Double.isNaN(minimal[k])) {
                        minimal[k] = norm(valid, k, linf);
                    }
                }
                results[e] = new EpsilonResult(budgets[e], n, attacked.length, attacked.length - fooled.length,
                        oracle.calls() - before, space.withValues(Attack.select(attacked, fooled), Attack.select(values, fooled)),
                        Attack.select(attacked, fooled), pick(s, fooled), pick(p, fooled));
                progress.advance("eps " + budgets[e]);
            }
        } finally {
            progress.end();
        }
        double sum = 0;
        int count = 0;
        for (int k = 0; k < minimal.length; k++) {
            if (!Double.isNaN(minimal[k])) {
                sum += minimising ? norm(smallest, k, linf) : minimal[k];
                count++;
            }
        }
        return new AdversarialResult(settings, space.columns(), n, attacked.length, List.of(results),
                count == 0 ? Double.NaN : sum / count, count, oracle.calls(), oracle.rowsScored(),
                usesGradients(settings) ? oracle.gradientSource() : "none", oracle.gradientCalls(), smallestOf(smallest, attacked, n, linf));
    }

    /** The norms of a minimisation attack's perturbations, per evaluated row; NaN where there are none. */
    private static double[] smallestOf(double[][] smallest, int[] attacked, int n, boolean linf) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int k = 0; smallest != null && k < attacked.length; k++) {
            out[attacked[k]] = norm(smallest, k, linf);
        }
        return out;
    }

    private static boolean usesGradients(AttackSettings settings) {
        return settings.method() == AttackSettings.Method.FGSM || settings.method() == AttackSettings.Method.PGD;
    }

    /**
     * The smallest adversarial perturbations of a minimisation attack where their norm is at most {@code eps},
     * stretched along their direction to norm {@code eps} (so that rounding whole-number columns is less likely to
     * undo a perturbation that ends on the boundary), and no perturbation (the clean row) where the norm is larger or
     * none was found.
     */
    private static double[][] withinBudget(double[][] smallest, double eps, boolean linf) {
        int rows = smallest.length == 0 ? 0 : smallest[0].length;
        double[][] out = new double[smallest.length][rows];
        for (int k = 0; k < rows; k++) {
            double size = norm(smallest, k, linf);
            if (size <= eps) {
                for (int j = 0; j < smallest.length; j++) {
                    out[j][k] = size > 0 ? smallest[j][k] * eps / size : 0;
                }
            }
        }
        return out;
    }

    private static double norm(double[][] delta, int k, boolean linf) {
        double out = 0;
        for (double[] d : delta) {
            out = linf ? Math.max(out, Math.abs(d[k])) : out + d[k] * d[k];
        }
        return linf ? out : Math.sqrt(out);
    }

    private static double[] pick(double[] values, int[] which) {
        double[] out = new double[which.length];
        for (int a = 0; a < which.length; a++) {
            out[a] = values[which[a]];
        }
        return out;
    }
}
