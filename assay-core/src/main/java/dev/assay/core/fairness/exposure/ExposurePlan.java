package dev.assay.core.fairness.exposure;

import dev.assay.core.error.InvalidInputException;

/**
 * Which columns describe the rankings.
 *
 * @param query the column naming each row's query (ranking); null when all rows form one ranking
 * @param score the column ranking rows by descending score; null when {@code rank} is given
 * @param rank the column ranking rows by ascending rank (1 = top); null when {@code score} is given
 * @param group the protected column
 * @param relevance the column of each row's relevance: numbers (e.g. the true label as 0/1), or categories
 *     with {@code relevant} naming the relevant one; null for none
 * @param relevant the value of a categorical relevance column that counts as relevance 1 (others 0); may be null
 * @param k the length of the top of each ranking counted by {@code top_k_share}
 */
public record ExposurePlan(String query, String score, String rank, String group, String relevance, String relevant, int k) {
    /** The top length when none is given. */
    public static final int DEFAULT_K = 10;

    public ExposurePlan {
        if (score != null && rank != null) {
            throw new InvalidInputException("Name either a score column (score: proba, higher ranks first) or a rank column "
                    + "(rank: position, 1 ranks first), not both.");
        }
        if (group == null) {
            throw new InvalidInputException("Name the protected column, e.g. group: sex.");
        }
        if (k < 1) {
            throw new InvalidInputException("k must be a positive whole number, found " + k + ".");
        }
    }

    /** The same plan ranking by {@code column} (descending) when it names neither a score nor a rank column. */
    public ExposurePlan orScore(String column) {
        return score != null || rank != null ? this : new ExposurePlan(query, column, rank, group, relevance, relevant, k);
    }
}
