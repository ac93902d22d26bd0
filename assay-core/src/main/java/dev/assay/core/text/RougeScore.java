package dev.assay.core.text;

/**
 * Precision, recall and F1 of a ROUGE variant, each on 0 to 1.
 *
 * @param precision matches over prediction units
 * @param recall matches over target units
 * @param f 2 P R / (P + R), 0 when both are 0
 */
public record RougeScore(double precision, double recall, double f) {
    /** The score of {@code matches} over the two counts, guarding empty sides as rouge-score does. */
    static RougeScore of(double matches, double predictionCount, double targetCount) {
        double p = predictionCount == 0 ? 0 : matches / predictionCount;
        double r = targetCount == 0 ? 0 : matches / targetCount;
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}
