package dev.assay.core.stats;

/**
 * Weighted mean and sum of squared deviations, updated with West's weighted form of Welford's
 * algorithm and merged with the pairwise formula of Chan, Golub and LeVeque (1979), which stay
 * accurate where the naive {@code Σx² - (Σx)²/n} cancels.
 */
public final class MomentsAccumulator implements Accumulator<MomentsAccumulator, Moments>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private double weight;
    private double mean;
    private double m2;

    /** An accumulator that continues from stored moments (e.g. read back from a profile file). */
    public static MomentsAccumulator of(Moments moments) {
        MomentsAccumulator a = new MomentsAccumulator();
        if (moments.weight() > 0) {
            a.weight = moments.weight();
            a.mean = moments.mean();
            a.m2 = moments.m2();
        }
        return a;
    }

    /** Adds {@code x} with weight {@code w >= 0}; a zero weight changes nothing. */
    public void add(double x, double w) {
        if (w == 0) {
            return;
        }
        if (weight == 0) {
            weight = w;
            mean = x;
            return;
        }
        double total = weight + w;
        double delta = x - mean;
        double r = delta * w / total;
        mean += r;
        m2 += weight * delta * r;
        weight = total;
    }

    @Override
    public void merge(MomentsAccumulator other) {
        if (other.weight == 0) {
            return;
        }
        if (weight == 0) {
            weight = other.weight;
            mean = other.mean;
            m2 = other.m2;
            return;
        }
        double total = weight + other.weight;
        double delta = other.mean - mean;
        mean += delta * other.weight / total;
        m2 += other.m2 + delta * delta * weight * other.weight / total;
        weight = total;
    }

    @Override
    public Moments result() {
        return new Moments(weight, weight == 0 ? Double.NaN : mean, m2);
    }
}
