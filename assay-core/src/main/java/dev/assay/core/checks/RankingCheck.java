package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import dev.assay.core.ranking.RankingColumns;
import dev.assay.core.ranking.RankingEvaluation;
import dev.assay.core.ranking.RankingResult;
import dev.assay.core.result.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures {@link RankingEvaluation} on the current data: the chosen metric ids (means over queries, n = queries)
 * and the precision@k and recall@k curves over every cutoff up to k. Built by {@link RankingCheckKind}.
 */
final class RankingCheck extends MeasuringCheck {
    static final String KIND = "ranking";

    private final RankingColumns columns;
    private final List<String> metrics;
    private final Function<String, InvalidInputException> columnError;

    RankingCheck(CheckSetup setup, RankingColumns columns, List<String> metrics, Function<String, InvalidInputException> columnError) {
        super(setup, KIND, metrics, Requirements.NONE);
        this.columns = columns;
        this.metrics = List.copyOf(metrics);
        this.columnError = columnError;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("query", columns.query());
        out.put("item", columns.item());
        out.put(columns.rank() != null ? "rank" : "score", columns.rank() != null ? columns.rank() : columns.score());
        out.put("relevance", columns.relevance());
        out.put("k", Integer.toString(columns.k()));
        if (!columns.features().isEmpty()) {
            out.put("features", String.join(", ", columns.features()));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        RankingResult r;
        try {
            r = RankingEvaluation.of(context.current().frame(), columns);
        } catch (UnknownColumnException e) {
            throw columnError.apply(e.getMessage());
        }
        Observations obs = new Observations();
        for (String id : metrics) {
            double v = r.metrics().get(id);
            obs.measurement(new Measurement(id, v, null, null, r.queries(), Double.isNaN(v) ? undefined(id) : null, List.of()));
        }
        int k = columns.k();
        double[] cutoffs = new double[k];
        for (int j = 0; j < k; j++) {
            cutoffs[j] = j + 1;
        }
        obs.chart(new XYChart("Precision and recall at k", "Mean over queries of the share of the top k that is relevant "
                + "(precision) and of the relevant items found in the top k (recall).", Axis.auto("k"), Axis.unit("mean over queries"),
                List.of(new Series("precision@k", cutoffs, r.precisionCurve(), Series.Style.LINE),
                        new Series("recall@k", cutoffs, r.recallCurve(), Series.Style.LINE))));
        obs.note(r.queries() + " queries, " + r.rows() + " rows, " + r.items() + " distinct items; items ordered by "
                + (columns.score() != null ? "descending " + columns.score() : "ascending " + columns.rank())
                + ", ties by descending item id (as trec_eval); relevant means relevance > 0.");
        if (r.queriesWithoutRelevant() > 0) {
            obs.note(r.queriesWithoutRelevant() + " of " + r.queries() + " queries have no relevant item; they score 0 and stay "
                    + "in the averages (as scikit-learn's ndcg_score).");
        }
        String first = metrics.get(0);
        obs.summary(String.format(Locale.ROOT, "%s %.4f over %d queries", first, r.metrics().get(first), r.queries()));
        return obs;
    }

    private static String undefined(String id) {
        if (id.startsWith("personalisation")) {
            return "needs two or more queries";
        }
        return id.startsWith("intra_list_diversity") ? "needs lists of two or more items" : "no lists to measure";
    }
}
