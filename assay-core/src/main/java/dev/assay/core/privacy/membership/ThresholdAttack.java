package dev.assay.core.privacy.membership;

import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The ROC analysis of a membership score: training rows are the positives, held-out rows the negatives, and the
 * attack calls a row a member when its score is at least a threshold τ. At every distinct score:
 *
 * <ul>
 *   <li>AUC by the trapezoidal rule (the project's {@link RankingCurve#rocAuc()}, scikit-learn's {@code roc_auc_score});</li>
 *   <li>advantage {@code max_τ (TPR − FPR)}, the point (0, 0) included (Yeom et al. 2018, Definition 4);</li>
 *   <li>TPR at FPR <= target with a Clopper-Pearson interval ({@link TprAtFpr});</li>
 *   <li>the empirical ε lower bound (Jagielski et al. 2020, Nasr et al. 2021): an (ε, δ)-DP training algorithm forces
 *       every test to satisfy {@code FPR + e^ε FNR >= 1 − δ} and {@code FNR + e^ε FPR >= 1 − δ}, so
 *       <pre>ε >= max_τ max( ln((1 − δ − FPR⁺)/FNR⁺), ln((1 − δ − FNR⁺)/FPR⁺) )</pre>
 *       with {@code FPR⁺}, {@code FNR⁺} the upper ends of the Clopper-Pearson intervals of FP/N and FN/P at the
 *       level (terms with a non-positive numerator skipped; 0 when no term is positive). The maximum over τ is taken
 *       on the same rows, so the bound is optimistic by the choice of τ; Nasr et al. choose τ on separate rows.</li>
 * </ul>
 *
 * <p>Reference: scikit-learn {@code roc_auc_score}, {@code roc_curve(drop_intermediate=False)} and statsmodels
 * {@code proportion_confint(method='beta')} on the same scores ({@code golden/privacy/membership.json}), 1e-9.
 */
public final class ThresholdAttack {

    private ThresholdAttack() {
    }

    /**
     * @param signal the signal the scores come from
     * @param members the scores of the training rows
     * @param nonMembers the scores of the held-out rows
     * @param fprTargets the FPR targets, each in (0, 1)
     * @param delta the δ of the ε bound, in [0, 1)
     * @param level the confidence level of the intervals, in (0, 1)
     * @throws IllegalArgumentException when either side is empty or a score is NaN
     */
    public static AttackResult evaluate(MembershipSignal signal, double[] members, double[] nonMembers, double[] fprTargets,
            double delta, double level) {
        if (members.length == 0 || nonMembers.length == 0) {
            throw new IllegalArgumentException("an attack needs training and held-out rows, got " + members.length + " and "
                    + nonMembers.length);
        }
        ScoreSample sample = new ScoreSample();
        for (double s : members) {
            sample.add(requireScore(s), true, 1);
        }
        for (double s : nonMembers) {
            sample.add(requireScore(s), false, 1);
        }
        RankingCurve curve = sample.result();
        long p = members.length;
        long n = nonMembers.length;
        double advantage = 0;
        for (int i = 0; i < curve.size(); i++) {
            advantage = Math.max(advantage, curve.truePositives(i) / p - curve.falsePositives(i) / n);
        }
        List<TprAtFpr> tpr = new ArrayList<>();
        for (double target : fprTargets) {
            tpr.add(tprAt(curve, p, n, target, level));
        }
        return new AttackResult(signal, members.length, nonMembers.length, curve.rocAuc(), advantage, tpr,
                epsilonLowerBound(curve, p, n, delta, level), delta, level);
    }

    private static double requireScore(double s) {
        if (Double.isNaN(s)) {
            throw new IllegalArgumentException("a membership score is NaN");
        }
        return s;
    }

    static TprAtFpr tprAt(RankingCurve curve, long p, long n, double target, double level) {
        long bestTp = 0;
        double fpr = 0;
        double threshold = Double.POSITIVE_INFINITY;
        for (int i = 0; i < curve.size(); i++) {
            double f = curve.falsePositives(i) / n;
            if (f > target) {
                break;
            }
            long tp = (long) curve.truePositives(i);
            if (tp > bestTp) {
                bestTp = tp;
                fpr = f;
                threshold = curve.threshold(i);
            }
        }
        return new TprAtFpr(target, bestTp / (double) p, ClopperPearson.lower(bestTp, p, level),
                ClopperPearson.upper(bestTp, p, level), fpr, threshold);
    }

    /**
     * The ε lower bound. The bound from the point estimates (no interval) is at least the one from the upper interval
     * ends, so thresholds are visited from the highest point bound down, and the walk stops once the point bound can no
     * longer beat the best interval bound found: usually after a few of the n thresholds.
     */
    static double epsilonLowerBound(RankingCurve curve, long p, long n, double delta, double level) {
        int points = curve.size() + 1;
        double[] point = new double[points];
        for (int i = 0; i < points; i++) {
            point[i] = bound(fp(curve, i) / (double) n, fn(curve, i, p) / (double) p, delta);
        }
        Integer[] byPoint = new Integer[points];
        for (int i = 0; i < points; i++) {
            byPoint[i] = i;
        }
        java.util.Arrays.sort(byPoint, (a, b) -> Double.compare(point[b], point[a]));
        double best = 0;
        for (int i : byPoint) {
            if (point[i] <= best) {
                break;
            }
            best = Math.max(best, bound(ClopperPearson.upper(fp(curve, i), n, level), ClopperPearson.upper(fn(curve, i, p), p, level),
                    delta));
        }
        return best;
    }

    /** False positives at point i: 0 at the point before the first threshold (nothing called a member). */
    private static long fp(RankingCurve curve, int i) {
        return i == 0 ? 0 : (long) curve.falsePositives(i - 1);
    }

    private static long fn(RankingCurve curve, int i, long p) {
        return p - (i == 0 ? 0 : (long) curve.truePositives(i - 1));
    }

    /** {@code max(ln((1 − δ − fpr)/fnr), ln((1 − δ − fnr)/fpr))}, terms with a non-positive numerator left out. */
    static double bound(double fpr, double fnr, double delta) {
        double out = Double.NEGATIVE_INFINITY;
        if (1 - delta - fpr > 0) {
            out = Math.max(out, Math.log((1 - delta - fpr) / fnr));
        }
        if (1 - delta - fnr > 0) {
            out = Math.max(out, Math.log((1 - delta - fnr) / fpr));
        }
        return out;
    }
}
