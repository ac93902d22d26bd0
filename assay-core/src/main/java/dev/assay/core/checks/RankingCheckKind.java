package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.ranking.RankingColumns;
import dev.assay.core.ranking.RankingResult;
import java.util.List;

/**
 * {@code type: ranking}: relevance and beyond-accuracy metrics of a long-format ranking table
 * ({@link dev.assay.core.ranking.RankingEvaluation}). Keys {@code query}, {@code item}, {@code score} or
 * {@code rank}, {@code relevance}, {@code k}, {@code features} and {@code metrics} (the ids to measure,
 * default all); measures ids such as {@code ndcg@10}, {@code map@10} and {@code mrr}.
 */
public final class RankingCheckKind implements CheckKind {

    @Override
    public String id() {
        return RankingCheck.KIND;
    }

    @Override
    public String description() {
        return "Ranking and recommendation metrics per query, averaged over queries: NDCG, MAP, MRR, precision, recall and "
                + "hit rate at k, and coverage, popularity, exposure Gini, novelty, personalisation and diversity of the top k.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("query", "the column naming each row's query or user"),
                new ConfigKey("item", "the column naming each row's item"),
                new ConfigKey("score", "the column ordering each query's items, higher first"),
                new ConfigKey("rank", "instead of score: the column of ranks, 1 first"),
                new ConfigKey("relevance", "the column of graded relevance (0 = not relevant)"),
                new ConfigKey("k", "the cutoff (default " + RankingColumns.DEFAULT_K + ")"),
                new ConfigKey("features", "numeric item feature columns, for intra_list_diversity@k (optional)"),
                new ConfigKey("metrics", "the metric ids to measure, e.g. [ndcg@10, mrr] (default all)"));
    }

    @Override
    public String measures() {
        return "ndcg@k, ndcg_exp@k, map@k, mrr, precision@k, recall@k, hit_rate@k, coverage@k, mean_popularity@k, "
                + "gini_exposure@k, novelty@k, personalisation@k, intra_list_diversity@k (with features)";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Ranking metrics at k = " + config.string("k", Integer.toString(RankingColumns.DEFAULT_K));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        long k = config.integer("k", RankingColumns.DEFAULT_K);
        if (k < 1 || k > 100_000) {
            throw config.error("k", "k must be a whole number from 1 to 100000, found " + k + ".");
        }
        RankingColumns columns;
        try {
            columns = new RankingColumns(config.string("query", null), config.string("item", null), config.string("score", null),
                    config.string("rank", null), config.string("relevance", null), config.strings("features"), (int) k);
        } catch (InvalidInputException e) {
            throw config.error(missingKey(config), e.getMessage());
        }
        List<String> all = RankingResult.ids((int) k, !columns.features().isEmpty());
        List<String> metrics = config.has("metrics") ? config.strings("metrics") : all;
        for (String m : metrics) {
            if (!all.contains(m)) {
                throw config.error("metrics", "unknown metric '" + m + "' at k = " + k + "; choose from " + String.join(", ", all) + ".");
            }
        }
        return new RankingCheck(setup, columns, metrics, message -> config.error("query", message));
    }

    /** The key to point at when the columns are incomplete. */
    private static String missingKey(CheckConfig config) {
        for (String key : List.of("query", "item", "relevance")) {
            if (!config.has(key)) {
                return key;
            }
        }
        return "score";
    }
}
