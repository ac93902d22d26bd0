package dev.assay.core.ranking;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a long-format ranking table: groups the rows by query, ranks each query's items by
 * {@link RankingOrder} ({@link RankedQuery}), and feeds {@link RelevanceMetrics} (all rows) and {@link CatalogueMetrics}
 * (the top k of each query). Item popularity counts the queries in which an item is relevant.
 * Reference: {@code scripts/golden/ranking_golden.py} (scikit-learn 1.2.1 {@code ndcg_score},
 * {@code average_precision_score}).
 */
public final class RankingEvaluation {

    private RankingEvaluation() {
    }

    /**
     * @throws InvalidInputException for no rows, an unknown or non-numeric column, a missing value, a negative
     *     relevance, or an item listed twice in one query
     */
    public static RankingResult of(Frame frame, RankingColumns columns) {
        int n = frame.rowCount();
        if (n == 0) {
            throw new InvalidInputException("The data has no rows, so there is no ranking to measure.");
        }
        Column query = frame.column(columns.query(), "query");
        Column item = frame.column(columns.item(), "item");
        boolean byScore = columns.score() != null;
        double[] key = values(frame, byScore ? columns.score() : columns.rank(), byScore ? "score" : "rank");
        if (!byScore) {
            for (int i = 0; i < n; i++) {
                key[i] = -key[i];
            }
        }
        double[] relevance = values(frame, columns.relevance(), "relevance");
        Map<String, Integer> queryIds = new LinkedHashMap<>();
        Map<String, Integer> itemIds = new HashMap<>();
        int[] queryOf = new int[n];
        int[] itemOf = new int[n];
        for (int i = 0; i < n; i++) {
            queryOf[i] = queryIds.computeIfAbsent(text(frame, query, columns.query(), "query", i), x -> queryIds.size());
            itemOf[i] = itemIds.computeIfAbsent(text(frame, item, columns.item(), "item", i), x -> itemIds.size());
            if (relevance[i] < 0) {
                throw new InvalidInputException("Column '" + Excerpt.of(columns.relevance()) + "' (relevance) is negative ("
                        + relevance[i] + ") at " + frame.describeRow(i) + ". Relevance grades are 0 (not relevant) or more.");
            }
        }
        int[] itemOrder = itemOrder(itemIds, itemOf);
        int queries = queryIds.size();
        int[] start = new int[queries + 1];
        for (int q : queryOf) {
            start[q + 1]++;
        }
        for (int q = 0; q < queries; q++) {
            start[q + 1] += start[q];
        }
        int[] rows = new int[n];
        int[] fill = Arrays.copyOf(start, queries);
        long[] relevantIn = new long[itemIds.size()];
        for (int i = 0; i < n; i++) {
            rows[fill[queryOf[i]]++] = i;
            relevantIn[itemOf[i]] += relevance[i] > 0 ? 1 : 0;
        }
        RelevanceMetrics relevanceMetrics = new RelevanceMetrics(columns.k());
        CatalogueMetrics catalogue = new CatalogueMetrics(columns.k(), relevantIn, queries, features(frame, columns, itemIds.size(), itemOf));
        RankedQuery ranked = new RankedQuery(columns.k());
        int[] top = new int[columns.k()];
        Set<Integer> seen = new HashSet<>();
        for (int q = 0; q < queries; q++) {
            seen.clear();
            for (int j = start[q]; j < start[q + 1]; j++) {
                int r = rows[j];
                if (!seen.add(itemOf[r])) {
                    throw new InvalidInputException("Item '" + Excerpt.of(item.format(r)) + "' appears twice in query '"
                            + Excerpt.of(query.format(r)) + "' (again at " + frame.describeRow(r) + "). List each item once per query.");
                }
            }
            ranked.rank(rows, start[q], start[q + 1], key, itemOrder, relevance);
            for (int j = 0; j < ranked.shown(); j++) {
                top[j] = itemOf[ranked.topRow(j)];
            }
            relevanceMetrics.add(ranked);
            catalogue.add(top, ranked.shown());
        }
        return result(relevanceMetrics, catalogue, !columns.features().isEmpty(), n, itemIds.size());
    }

    /** The result of accumulated metrics. */
    public static RankingResult result(RelevanceMetrics m, CatalogueMetrics c, boolean withFeatures, long rows, int items) {
        int k = m.k();
        Map<String, Double> out = new LinkedHashMap<>();
        double[] values = {m.ndcg(), m.ndcgExponential(), m.map(), m.mrr(), m.precision(), m.recall(), m.hitRate(),
                c.coverage(), c.meanPopularity(), c.giniExposure(), c.novelty(), c.personalisation(), c.intraListDiversity()};
        int i = 0;
        for (String id : RankingResult.ids(k, withFeatures)) {
            out.put(id, values[i++]);
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        for (int j = 1; j <= k; j++) {
            precision[j - 1] = m.precisionAt(j);
            recall[j - 1] = m.recallAt(j);
        }
        return new RankingResult(out, precision, recall, m.queries(), m.queriesWithoutRelevant(), rows, items);
    }

    /** Each row's item's position in the string order of all item ids. */
    private static int[] itemOrder(Map<String, Integer> itemIds, int[] itemOf) {
        String[] names = new String[itemIds.size()];
        itemIds.forEach((name, id) -> names[id] = name);
        Integer[] byName = new Integer[names.length];
        Arrays.setAll(byName, i -> i);
        Arrays.sort(byName, (a, b) -> names[a].compareTo(names[b]));
        int[] place = new int[names.length];
        for (int p = 0; p < byName.length; p++) {
            place[byName[p]] = p;
        }
        int[] out = new int[itemOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = place[itemOf[i]];
        }
        return out;
    }

    /** Per item the feature values of its first row; null without feature columns. */
    private static double[][] features(Frame frame, RankingColumns columns, int items, int[] itemOf) {
        if (columns.features().isEmpty()) {
            return null;
        }
        double[][] columnValues = new double[columns.features().size()][];
        for (int f = 0; f < columnValues.length; f++) {
            columnValues[f] = values(frame, columns.features().get(f), "item feature");
        }
        double[][] out = new double[items][];
        for (int i = 0; i < itemOf.length; i++) {
            if (out[itemOf[i]] == null) {
                double[] x = new double[columnValues.length];
                for (int f = 0; f < x.length; f++) {
                    x[f] = columnValues[f][i];
                }
                out[itemOf[i]] = x;
            }
        }
        return out;
    }

    private static String text(Frame frame, Column c, String name, String role, int row) {
        if (c.isMissing(row)) {
            throw new InvalidInputException("Column '" + Excerpt.of(name) + "' (" + role + ") has no value at "
                    + frame.describeRow(row) + ". Every row needs a " + role + "; fill it in or leave the row out.");
        }
        return c.format(row);
    }

    private static double[] values(Frame frame, String name, String role) {
        NumericColumn c = frame.numeric(name, role);
        double[] v = c.toArray();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new InvalidInputException("Column '" + Excerpt.of(name) + "' (" + role + ") has no value at "
                        + frame.describeRow(i) + ". Every row needs a " + role + "; fill it in or leave the row out.");
            }
        }
        return v;
    }
}
