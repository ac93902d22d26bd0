package dev.assay.core.compare;

/**
 * How the correctness of two classifiers on the same rows differs: the rows only the baseline got
 * right ({@code baselineOnly}, McNemar's {@code b}), the rows only the candidate got right
 * ({@code candidateOnly}, McNemar's {@code c}), and the rows both got right or both got wrong.
 *
 * @param baselineOnly rows the baseline got right and the candidate wrong (regressions)
 * @param candidateOnly rows the candidate got right and the baseline wrong (fixes)
 * @param bothRight rows both got right
 * @param bothWrong rows both got wrong
 */
public record Flips(int baselineOnly, int candidateOnly, int bothRight, int bothWrong) {

    public Flips {
        if (baselineOnly < 0 || candidateOnly < 0 || bothRight < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("flip counts must not be negative, got baselineOnly=" + baselineOnly
                    + ", candidateOnly=" + candidateOnly + ", bothRight=" + bothRight + ", bothWrong=" + bothWrong);
        }
    }

    /**
     * Counts the flips of two per-row correctness vectors of the same length.
     *
     * @param baselineCorrect whether the baseline got row {@code i} right
     * @param candidateCorrect whether the candidate got row {@code i} right
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Flips count(boolean[] baselineCorrect, boolean[] candidateCorrect) {
        if (baselineCorrect.length != candidateCorrect.length) {
            throw new IllegalArgumentException("the baseline has " + baselineCorrect.length
                    + " rows and the candidate " + candidateCorrect.length
                    + "; both models must be scored on the same rows");
        }
        int[] cells = new int[4];
        for (int i = 0; i < baselineCorrect.length; i++) {
            cells[(baselineCorrect[i] ? 2 : 0) + (candidateCorrect[i] ? 1 : 0)]++;
        }
        return new Flips(cells[2], cells[1], cells[3], cells[0]);
    }

    /**
     * Whether a model got each row right when it predicts positive for a score of at least {@code threshold}:
     * {@code (score[i] >= threshold) == positive[i]}.
     */
    public static boolean[] correct(boolean[] positive, double[] scores, double threshold) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("one score per label, got " + scores.length + " scores for " + positive.length
                    + " labels");
        }
        boolean[] out = new boolean[positive.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (scores[i] >= threshold) == positive[i];
        }
        return out;
    }

    /** The number of rows. */
    public int rows() {
        return baselineOnly + candidateOnly + bothRight + bothWrong;
    }

    /** The rows on which the two models disagree about correctness, {@code b + c}. */
    public int discordant() {
        return baselineOnly + candidateOnly;
    }
}
