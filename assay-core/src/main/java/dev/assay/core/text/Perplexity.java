package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;

/**
 * Perplexity from per-token natural-log probabilities: exp(-(1/N) sum log p_i) over all N tokens of all
 * texts (the corpus perplexity, not a mean of per-text perplexities).
 */
public final class Perplexity {
    private Perplexity() {
    }

    /** The perplexity of the tokens whose log-probabilities are given, one array per text. */
    public static double of(double[][] logProbabilities) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < logProbabilities.length; t++) {
            for (double lp : logProbabilities[t]) {
                if (!(lp <= 0)) {
                    throw new InvalidInputException("text " + (t + 1) + " has the log-probability " + lp
                            + ": token log-probabilities are natural logs, at most 0.");
                }
                sum += lp;
                n++;
            }
        }
        if (n == 0) {
            throw new InvalidInputException("no token log-probabilities: perplexity needs at least one token.");
        }
        return Math.exp(-sum / n);
    }
}
