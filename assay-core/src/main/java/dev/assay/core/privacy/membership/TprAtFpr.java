package dev.assay.core.privacy.membership;

/**
 * The attack's true-positive rate at a false-positive rate target: the highest TPR over the thresholds whose FPR is
 * at most the target, with the Clopper-Pearson interval of that TPR (k members caught of n). The threshold is chosen
 * on the same rows, so the interval is conditional on it.
 *
 * @param target the FPR target, e.g. 0.01
 * @param value the TPR; 0 when no threshold reaches the target (e.g. fewer than 1/target non-members)
 * @param ciLow the lower end of the interval
 * @param ciHigh the upper end of the interval
 * @param fpr the FPR actually reached at the threshold
 * @param threshold the membership score from which a row is called a member; +infinity when none is
 */
public record TprAtFpr(double target, double value, double ciLow, double ciHigh, double fpr, double threshold) {
}
