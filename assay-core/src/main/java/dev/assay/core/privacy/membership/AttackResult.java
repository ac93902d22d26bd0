package dev.assay.core.privacy.membership;

import java.util.List;

/**
 * What one threshold attack achieved on training (member) and held-out (non-member) rows.
 *
 * @param signal the attack's signal
 * @param members the number of training rows attacked
 * @param nonMembers the number of held-out rows attacked
 * @param auc the ROC AUC of the membership score (0.5: no better than a coin)
 * @param advantage the membership advantage {@code max_τ (TPR(τ) − FPR(τ))} (Yeom et al. 2018), in [0, 1]
 * @param tprAtFpr the TPR at each FPR target, in the order asked
 * @param epsilonLowerBound the empirical ε lower bound with δ (see {@link ThresholdAttack})
 * @param delta the δ of the bound
 * @param level the confidence level of the intervals
 */
public record AttackResult(MembershipSignal signal, int members, int nonMembers, double auc, double advantage,
        List<TprAtFpr> tprAtFpr, double epsilonLowerBound, double delta, double level) {

    public AttackResult {
        tprAtFpr = List.copyOf(tprAtFpr);
    }
}
