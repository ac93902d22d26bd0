package dev.assay.core.robustness.attack;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an adversarial attack does: the method, the norm of its budget, the budgets {@code eps} (in units of each
 * attacked column's standard deviation, or in the column's own units with {@code rawScale}), the iterations and the
 * step size as a fraction of {@code eps}.
 *
 * @param method FGSM, PGD, SimBA, Square or HopSkipJump
 * @param norm the norm that bounds the perturbation
 * @param eps the budgets, each at least 0
 * @param steps PGD, Square or HopSkipJump iterations, or SimBA passes over the coordinates (FGSM: 1)
 * @param stepSize the step as a fraction of {@code eps}: PGD default {@code 2.5 / steps} (Madry et al. 2018);
 *     SimBA default 1 (L-infinity) and {@code 1 / sqrt(d)} (L2); FGSM always 1; for Square the initial share
 *     {@code p_init} of columns redrawn (default 0.8); unused by HopSkipJump
 * @param rawScale whether {@code eps} is in the columns' own units instead of standard deviations
 * @param roundIntegers whether columns whose clean values are all whole numbers are rounded after the attack
 * @param seed the seed of SimBA's coordinate order and of Square's and HopSkipJump's random draws
 */
public record AttackSettings(Method method, Norm norm, double[] eps, int steps, double stepSize, boolean rawScale,
        boolean roundIntegers, long seed) {

    public AttackSettings {
        eps = eps.clone();
        for (double e : eps) {
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("eps must be finite and at least 0, got " + e);
            }
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }

    /** The attack methods. */
    public enum Method {
        /** Fast gradient sign method (Goodfellow et al. 2015): one step of size eps. */
        FGSM(1),
        /** Projected gradient descent (Madry et al. 2018), without random start. */
        PGD(10),
        /** Simple black-box attack in the coordinate basis (Guo et al. 2019). */
        SIMBA(1),
        /** Square attack (Andriushchenko et al. 2020), score-based random search. */
        SQUARE(100),
        /** HopSkipJump (Chen, Jordan and Wainwright 2020), decision-based and minimising. */
        HSJ(20);

        private final int defaultSteps;

        Method(int defaultSteps) {
            this.defaultSteps = defaultSteps;
        }

        /** The iterations (PGD, Square, HopSkipJump) or passes (SimBA) when none are given. */
        public int defaultSteps() {
            return defaultSteps;
        }
    }

    /** The norm of the perturbation budget. */
    public enum Norm {
        LINF,
        L2
    }

    /** The step of attack {@code method} for {@code d} attacked columns, as a fraction of eps. */
    public double step(int d) {
        if (method == Method.FGSM) {
            return 1;
        }
        if (!Double.isNaN(stepSize)) {
            return stepSize;
        }
        if (method == Method.PGD) {
            return 2.5 / steps;
        }
        if (method == Method.SQUARE) {
            return 0.8;
        }
        return norm == Norm.LINF ? 1 : 1 / Math.sqrt(Math.max(d, 1));
    }

    /** The settings for reports. */
    public Map<String, String> describe(int d) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("attack", method.name().toLowerCase(Locale.ROOT));
        out.put("norm", norm.name().toLowerCase(Locale.ROOT));
        out.put("eps", Arrays.toString(eps));
        out.put("scale", rawScale ? "raw" : "std");
        if (method != Method.FGSM) {
            out.put("steps", Integer.toString(steps));
        }
        if (method == Method.SQUARE) {
            out.put("p_init", String.format(Locale.ROOT, "%.4g", step(d)));
        } else if (method != Method.HSJ) {
            out.put("step_size", String.format(Locale.ROOT, "%.4g x eps", step(d)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttackSettings s && method == s.method && norm == s.norm && Arrays.equals(eps, s.eps)
                && steps == s.steps && Double.compare(stepSize, s.stepSize) == 0 && rawScale == s.rawScale
                && roundIntegers == s.roundIntegers && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, norm, Arrays.hashCode(eps), steps, stepSize, rawScale, roundIntegers, seed);
    }

    @Override
    public String toString() {
        return "AttackSettings" + describe(0);
    }
}
