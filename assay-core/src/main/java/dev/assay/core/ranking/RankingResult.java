package dev.assay.core.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a ranking table.
 *
 * @param metrics values by metric id ({@code ndcg@10}, {@code map@10}, {@code mrr}, ...), in a fixed order
 * @param precisionCurve mean precision at cutoffs 1..k (index 0 is cutoff 1)
 * @param recallCurve mean recall at cutoffs 1..k
 * @param queries the number of queries
 * @param queriesWithoutRelevant queries without a relevant item, scored 0
 * @param rows the number of rows
 * @param items the number of distinct items (the catalogue)
 */
public record RankingResult(Map<String, Double> metrics, double[] precisionCurve, double[] recallCurve, long queries,
        long queriesWithoutRelevant, long rows, int items) {

    public RankingResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        precisionCurve = precisionCurve.clone();
        recallCurve = recallCurve.clone();
    }

    /** The ids of the metrics measured at cutoff {@code k}, with or without item features. */
    public static List<String> ids(int k, boolean withFeatures) {
        List<String> ids = new ArrayList<>(List.of("ndcg@" + k, "ndcg_exp@" + k, "map@" + k, "mrr",
                "precision@" + k, "recall@" + k, "hit_rate@" + k, "coverage@" + k, "mean_popularity@" + k,
                "gini_exposure@" + k, "novelty@" + k, "personalisation@" + k));
        if (withFeatures) {
            ids.add("intra_list_diversity@" + k);
        }
        return ids;
    }
}
