package dev.assay.core.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A normal, gamma or beta marginal with scipy.stats' location-scale parameterisation,
 * {@code F(x) = G((x - loc) / scale)}.
 *
 * <ul>
 *   <li>normal: maximum likelihood, loc = mean, scale = population standard deviation
 *       ({@code scipy.stats.norm.fit(x)});</li>
 *   <li>gamma: maximum likelihood with loc fixed at 0, for positive data: the shape a solves
 *       {@code log a - digamma(a) = log(mean x) - mean(log x)} (Newton's method), scale = mean / a
 *       ({@code scipy.stats.gamma.fit(x, floc=0)});</li>
 *   <li>beta: method of moments on [min, max]: with y = (x - min) / (max - min), mean m and population
 *       variance v, c = m(1 - m)/v - 1, a = mc, b = (1 - m)c
 *       ({@code scipy.stats.beta.fit(x, floc=min, fscale=max-min, method="MM")}).</li>
 * </ul>
 * Each factory returns null when the family does not apply to the data (no spread; gamma: a value <= 0;
 * beta: moments outside the beta family), and {@link #unfitReason} says why.
 */
public final class ParametricMarginal implements Marginal {
    private final String family;
    private final ContinuousDistribution standard;
    private final double loc;
    private final double scale;
    private final Map<String, Double> parameters;

    private ParametricMarginal(String family, ContinuousDistribution standard, double loc, double scale,
            Map<String, Double> shapes) {
        this.family = family;
        this.standard = standard;
        this.loc = loc;
        this.scale = scale;
        Map<String, Double> p = new LinkedHashMap<>(shapes);
        p.put("loc", loc);
        p.put("scale", scale);
        this.parameters = Map.copyOf(p);
    }

    /** The normal distribution fitted by maximum likelihood; null when the values have no spread. */
    public static ParametricMarginal normal(double[] x) {
        double mean = mean(x);
        double sd = Math.sqrt(variance(x, mean));
        if (!(sd > 0)) {
            return null;
        }
        return new ParametricMarginal("normal", NormalDistribution.of(0, 1), mean, sd, Map.of());
    }

    /** The gamma distribution with loc 0 fitted by maximum likelihood; null unless every value is positive and they vary. */
    public static ParametricMarginal gamma(double[] x) {
        if (unfitReason("gamma", x) != null) {
            return null;
        }
        double mean = mean(x);
        double logMean = 0;
        for (double v : x) {
            logMean += Math.log(v);
        }
        logMean /= x.length;
        double s = Math.log(mean) - logMean;
        double a = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        for (int i = 0; i < 100; i++) {
            double f = Math.log(a) - Digamma.value(a) - s;
            double step = f / (1 / a - Trigamma.value(a));
            a = Math.max(a - step, a / 10);
            if (Math.abs(step) < 1e-12 * a) {
                break;
            }
        }
        return new ParametricMarginal("gamma", GammaDistribution.of(a, 1), 0, mean / a, Map.of("a", a));
    }

    /** The beta distribution on [min, max] fitted by the method of moments; null when it does not apply. */
    public static ParametricMarginal beta(double[] x) {
        if (unfitReason("beta", x) != null) {
            return null;
        }
        double[] ab = betaMoments(x);
        double min = min(x);
        return new ParametricMarginal("beta", BetaDistribution.of(ab[0], ab[1]), min, max(x) - min,
                Map.of("a", ab[0], "b", ab[1]));
    }

    /** Why {@code family} cannot be fitted to {@code x}, or null when it can. */
    public static String unfitReason(String family, double[] x) {
        double min = min(x);
        double max = max(x);
        if (!(max > min)) {
            return "the values do not vary";
        }
        if (family.equals("gamma") && !(min > 0)) {
            return "gamma with loc 0 needs positive values; the smallest is " + min;
        }
        if (family.equals("beta")) {
            double[] ab = betaMoments(x);
            if (!(ab[0] > 0 && ab[1] > 0)) {
                return "the moments lie outside the beta family";
            }
        }
        return null;
    }

    private static double[] betaMoments(double[] x) {
        double min = min(x);
        double range = max(x) - min;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - min) / range;
        }
        double m = mean(y);
        double c = m * (1 - m) / variance(y, m) - 1;
        return new double[] {m * c, (1 - m) * c};
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public double cdf(double x) {
        return standard.cumulativeProbability((x - loc) / scale);
    }

    @Override
    public double quantile(double u) {
        return loc + scale * standard.inverseCumulativeProbability(u);
    }

    @Override
    public Map<String, Double> parameters() {
        return parameters;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The population variance (divisor n). */
    static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }

    static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
