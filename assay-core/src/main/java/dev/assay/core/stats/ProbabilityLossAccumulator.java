package dev.assay.core.stats;

/**
 * Accumulates {@link ProbabilityLosses}. Probabilities are clipped to {@code [ε, 1 - ε]} with ε the
 * double machine epsilon ({@code np.finfo(np.float64).eps}, scikit-learn 1.2.1's {@code eps="auto"})
 * before the logarithm; multiclass rows are then divided by their sum, as {@code log_loss} does.
 * The Brier score uses the unclipped probability.
 */
public final class ProbabilityLossAccumulator implements Accumulator<ProbabilityLossAccumulator, ProbabilityLosses>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The clipping bound of log loss. */
    public static final double EPSILON = Math.ulp(1.0);

    private double weight;
    private double logLoss;
    private double brier;

    /** Adds binary rows {@code from..to-1}: {@code truth} positive or not, {@code p} the positive probability. */
    public void addBinary(boolean[] truth, double[] p, double[] w, int from, int to) {
        double sw = 0;
        double ll = 0;
        double br = 0;
        final double hi = 1 - EPSILON;
        for (int i = from; i < to; i++) {
            double pi = p[i];
            double c = pi < EPSILON ? EPSILON : (pi > hi ? hi : pi);
            double y = truth[i] ? 1 : 0;
            double wi = w == null ? 1 : w[i];
            double d = y - pi;
            sw += wi;
            ll -= wi * Math.log(truth[i] ? c : 1 - c);
            br += wi * d * d;
        }
        weight += sw;
        logLoss += ll;
        brier += br;
    }

    /**
     * Adds one multiclass row: {@code probabilities[c][row]} is the probability of class {@code c};
     * {@code truth} is the true class.
     */
    public void addMulticlass(double[][] probabilities, int row, int truth, double w) {
        double sum = 0;
        double own = 0;
        for (int c = 0; c < probabilities.length; c++) {
            double clipped = Math.min(Math.max(probabilities[c][row], EPSILON), 1 - EPSILON);
            sum += clipped;
            if (c == truth) {
                own = clipped;
            }
        }
        weight += w;
        logLoss -= w * Math.log(own / sum);
    }

    @Override
    public void merge(ProbabilityLossAccumulator other) {
        weight += other.weight;
        logLoss += other.logLoss;
        brier += other.brier;
    }

    @Override
    public ProbabilityLosses result() {
        return new ProbabilityLosses(weight, logLoss, brier);
    }
}
