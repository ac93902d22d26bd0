package dev.assay.core.text;

/**
 * A BLEU score and its parts.
 *
 * @param score BLEU on 0 to 100
 * @param precisions the (smoothed) n-gram precisions on 0 to 100, orders 1 to 4
 * @param brevityPenalty exp(1 - r / c) when the hypothesis length c is below the reference length r, else 1
 * @param hypothesisLength tokens in the hypotheses
 * @param referenceLength tokens in the closest references
 */
public record BleuScore(double score, double[] precisions, double brevityPenalty, long hypothesisLength, long referenceLength) {
}
