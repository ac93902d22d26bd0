package dev.assay.core.synth;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A numeric column in the copula: its chosen marginal, its share of missing values (reproduced by drawing
 * each sampled value missing with that probability, independently of the rest, as SDV's
 * {@code missing_value_generation='random'}), whether every value is whole (samples are then rounded), and the
 * observed minimum and maximum (samples are clipped to them, as SDV's {@code enforce_min_max_values}).
 */
public record NumericModel(String name, MarginalChoice choice, double missingShare, boolean integer, double min, double max)
        implements CopulaColumn {
    static final NormalDistribution PHI = NormalDistribution.of(0, 1);
    /** Probabilities are kept in [EPS, 1 - EPS] before the normal quantile, as copulas does (float32 epsilon). */
    static final double EPS = 1.1920929e-07;

    @Override
    public double[] scores(Column column, RandomGenerator random) {
        NumericColumn c = (NumericColumn) column;
        double[] z = new double[c.size()];
        for (int i = 0; i < z.length; i++) {
            double v = c.get(i);
            z[i] = Double.isNaN(v) ? Double.NaN : normalScore(choice.marginal().cdf(v));
        }
        return z;
    }

    /** The normal score of the value {@code v}. */
    public double score(double v) {
        return normalScore(choice.marginal().cdf(v));
    }

    @Override
    public Column decode(double[] z, RandomGenerator random) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (missingShare > 0 && random.nextDouble() < missingShare) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = value(z[i]);
        }
        return NumericColumn.wrap(name, out);
    }

    /** The value of the normal score {@code z}: the marginal's quantile, clipped to the bounds, rounded if whole. */
    double value(double z) {
        double u = Math.min(1 - EPS, Math.max(EPS, PHI.cumulativeProbability(z)));
        double x = Math.min(max, Math.max(min, choice.marginal().quantile(u)));
        return integer ? Math.rint(x) : x;
    }

    static double normalScore(double u) {
        return PHI.inverseCumulativeProbability(Math.min(1 - EPS, Math.max(EPS, u)));
    }
}
