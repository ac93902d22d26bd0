package dev.assay.core.abtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The normal-mixture sequential probability ratio test (mSPRT) of a difference of means, with
 * always-valid p-values and a confidence sequence, so the test may be read after every batch without
 * inflating the false-positive rate. At each look, with the difference {@code d} (treatment − control)
 * and its variance {@code V = s_t²/n_t + s_c²/n_c} from all rows so far, the mixture likelihood ratio
 * against {@code θ = 0} with a {@code N(0, τ²)} mixing distribution over the effect is
 * <pre>  Λ = √(V / (V + τ²)) · exp(τ² d² / (2 V (V + τ²)))</pre>
 * The always-valid p-value is {@code p_n = min(p_{n−1}, 1 / Λ_n)} (starting at 1), and the
 * confidence sequence is the running intersection of
 * <pre>  d ± √(2 V (V + τ²) / τ² · (log(1/α) + ½ log((V + τ²) / V)))</pre>
 * (the effects θ₀ whose Λ stays below 1/α). τ² is in the metric's units squared; {@link AbTestAnalysis}
 * sets it to a stated multiple of the metric's variance at the first look. A look whose variance is not
 * yet defined (fewer than two rows in an arm, or no variation) leaves p and the interval as they were.
 *
 * <p>Reference: Johari, Pekelis and Walsh, "Always valid inference: bringing sequential analysis to A/B
 * testing" (arXiv 1512.04922, 2015/2019), and Johari, Koomen, Pekelis and Walsh, "Peeking at A/B tests",
 * KDD 2017; computed independently from these formulas in {@code scripts/golden/abtest_golden.py},
 * matched to 1e-10. Guarantee checked by simulation (MixtureSprtSimulationTest).
 */
public final class MixtureSprt {
    private final double tauSquared;
    private final double alpha;
    private double pValue = 1;
    private double low = Double.NEGATIVE_INFINITY;
    private double high = Double.POSITIVE_INFINITY;

    /** A sequence with mixing variance {@code tauSquared} (> 0) and level {@code alpha} for the confidence sequence. */
    public MixtureSprt(double tauSquared, double alpha) {
        if (!(tauSquared > 0) || Double.isInfinite(tauSquared)) {
            throw new IllegalArgumentException("the mixing variance tau² must be a positive number, got " + tauSquared);
        }
        this.tauSquared = tauSquared;
        this.alpha = alpha;
    }

    public double tauSquared() {
        return tauSquared;
    }

    /**
     * Takes the next look: difference {@code d} with variance {@code v} from all rows so far.
     *
     * @return the always-valid p-value and confidence sequence after this look
     */
    public State look(double d, double v) {
        if (v > 0 && !Double.isNaN(d) && !Double.isInfinite(v)) {
            pValue = Math.min(pValue, Math.min(1, 1 / likelihoodRatio(d, v)));
            double half = Math.sqrt(2 * v * (v + tauSquared) / tauSquared
                    * (Math.log(1 / alpha) + 0.5 * Math.log((v + tauSquared) / v)));
            low = Math.max(low, d - half);
            high = Math.min(high, d + half);
        }
        return new State(pValue, low, high);
    }

    /** {@code Λ = √(V/(V+τ²)) exp(τ² d² / (2V(V+τ²)))}. */
    double likelihoodRatio(double d, double v) {
        return Math.sqrt(v / (v + tauSquared)) * Math.exp(tauSquared * d * d / (2 * v * (v + tauSquared)));
    }

    /** The p-value and confidence sequence after a look; the interval is infinite until a look has a variance. */
    public record State(double pValue, double ciLow, double ciHigh) {
    }

    /**
     * The sequence over looks of a metric: {@code look[i]} is the 0-based look of row {@code i}, and
     * look {@code k} sees every row of looks {@code 0..k}.
     *
     * @param labels the looks' names, in order
     * @param standardisedTauSquared τ² as a multiple of the metric's variance (both arms) at the first look
     */
    public static Sequence over(double[] y, boolean[] treated, int[] look, List<String> labels,
            double standardisedTauSquared, double alpha) {
        int k = labels.size();
        double[][] sums = new double[k][6];
        for (int i = 0; i < y.length; i++) {
            double[] s = sums[look[i]];
            int arm = treated[i] ? 0 : 3;
            s[arm]++;
            s[arm + 1] += y[i];
            s[arm + 2] += y[i] * y[i];
        }
        double[] running = new double[6];
        List<Look> looks = new ArrayList<>();
        MixtureSprt test = null;
        for (int j = 0; j < k; j++) {
            for (int m = 0; m < 6; m++) {
                running[m] += sums[j][m];
            }
            ArmStats t = new ArmStats(running[0], running[1], running[2]);
            ArmStats c = new ArmStats(running[3], running[4], running[5]);
            if (test == null) {
                double pooled = new ArmStats(t.n + c.n, t.sum + c.sum, t.sumSquares + c.sumSquares).variance();
                if (pooled > 0) {
                    test = new MixtureSprt(standardisedTauSquared * pooled, alpha);
                }
            }
            double d = t.mean() - c.mean();
            double v = t.variance() / t.n + c.variance() / c.n;
            State s = test == null ? new State(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) : test.look(d, v);
            looks.add(new Look(labels.get(j), (int) c.n, (int) t.n, d, s.pValue(), s.ciLow(), s.ciHigh()));
        }
        return new Sequence(test == null ? Double.NaN : test.tauSquared(), standardisedTauSquared, looks);
    }

    /** Count, sum and sum of squares of one arm; variance with ddof 1. */
    private record ArmStats(double n, double sum, double sumSquares) {
        double mean() {
            return n == 0 ? Double.NaN : sum / n;
        }

        double variance() {
            if (n < 2) {
                return Double.NaN;
            }
            double m = sum / n;
            return Math.max(0, (sumSquares - n * m * m) / (n - 1));
        }
    }

    /**
     * One look of a sequence.
     *
     * @param look the look's name
     * @param pValue the always-valid p-value after it
     * @param ciLow the confidence sequence's lower end (−∞ while undefined)
     */
    public record Look(String look, int controlCount, int treatmentCount, double difference, double pValue, double ciLow,
            double ciHigh) {
    }

    /**
     * The looks of one metric.
     *
     * @param tauSquared the mixing variance used, in the metric's units squared (NaN when no look had variation)
     * @param standardisedTauSquared τ² as a multiple of the metric's variance at the first look
     */
    public record Sequence(double tauSquared, double standardisedTauSquared, List<Look> looks) {
        public Sequence {
            looks = List.copyOf(looks);
        }
    }
}
