package dev.assay.core.fairness.exposure;

import dev.assay.core.error.InvalidInputException;

/**
 * Which columns describe the rankings.
 *
 * @param query the column naming each row's query (ranking); null when all rows form one ranking
 * @param score the column ranking rows by descending score; null when {@code rank} is given
 * @param rank the column ranking rows by ascending rank (1 = top); null when {@code score} is given
 * @param group the protected column
 * @param relevance the column of each row's relevance (e.g. the true label as 0/1); null for none
 * @param k the length of the top of each ranking counted by {@code top_k_share}
 */
public record ExposurePlan(String query, String score, String rank, String group, String relevance, int k) {
    /** The top length when none is given. */
    public static final int DEFAULT_K = 10;

    public ExposurePlan {
        if ((score == null) == (rank == null)) {
            throw new InvalidInputException("Name either a score column (score: proba, higher ranks first) or a rank column "
                    + "(rank: position, 1 ranks first), not " + (score == null ? "neither" : "both") + ".");
        }
        if (group == null) {
            throw new InvalidInputException("Name the protected column, e.g. group: sex.");
        }
        if (k < 1) {
            throw new InvalidInputException("k must be a positive whole number, found " + k + ".");
        }
    }
}
