package dev.assay.core.drift.domain;

/**
 * How the domain classifier is trained and judged.
 *
 * @param folds cross-validation folds, 2 to 20
 * @param rounds boosting rounds (stumps)
 * @param learningRate shrinkage of each stump
 * @param confidence level of the AUC interval
 * @param seed seed of the folds and of the permutations
 */
public record DomainSettings(int folds, int rounds, double learningRate, double confidence, long seed) {
    public static final int DEFAULT_FOLDS = 5;
    public static final int DEFAULT_ROUNDS = 100;
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    public DomainSettings {
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("folds must be from 2 to 20, got " + folds);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** The defaults with {@code seed}. */
    public static DomainSettings defaults(long seed) {
        return new DomainSettings(DEFAULT_FOLDS, DEFAULT_ROUNDS, DEFAULT_LEARNING_RATE, 0.95, seed);
    }
}
