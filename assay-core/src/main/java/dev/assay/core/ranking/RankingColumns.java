package dev.assay.core.ranking;

import dev.assay.core.error.InvalidInputException;
import java.util.List;

/**
 * Which columns of a long-format table (one row per query and item) describe the rankings.
 *
 * @param query the column naming each row's query or user
 * @param item the column naming each row's item
 * @param score the column ordering a query's items, higher first; null when {@code rank} is given
 * @param rank the column ordering a query's items, 1 first; null when {@code score} is given
 * @param relevance the column of graded relevance (numbers, 0 = not relevant)
 * @param features numeric item feature columns for intra-list diversity; may be empty
 * @param k the cutoff
 */
public record RankingColumns(String query, String item, String score, String rank, String relevance, List<String> features, int k) {
    /** The cutoff when none is given. */
    public static final int DEFAULT_K = 10;

    public RankingColumns {
        if ((score == null) == (rank == null)) {
            throw new InvalidInputException("Name exactly one column that orders each query's items: score (higher first) "
                    + "or rank (1 first).");
        }
        if (query == null || item == null || relevance == null) {
            throw new InvalidInputException("Name the " + (query == null ? "query" : item == null ? "item" : "relevance")
                    + " column: a ranking table has one row per query and item, with the item's relevance.");
        }
        if (k < 1) {
            throw new InvalidInputException("k must be a positive whole number, found " + k + ".");
        }
        features = List.copyOf(features);
    }
}
