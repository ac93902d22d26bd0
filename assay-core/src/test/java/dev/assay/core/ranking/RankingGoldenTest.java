package dev.assay.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RankingEvaluation} against golden/ranking/ranking_golden.json (scikit-learn 1.2.1 {@code ndcg_score} and
 * {@code average_precision_score}, trec_eval's definitions in numpy; scripts/golden/ranking_golden.py) on the
 * diabetes patients ranked by a linear regression's prediction within each age decade and sex, and ranked by each
 * of eight features (items recur across queries, scores tie; catalogue measures only).
 */
class RankingGoldenTest {
    private static final double TOL = 1e-12;

    static JsonNode golden() throws IOException {
        try (InputStream in = RankingGoldenTest.class.getResourceAsStream("/golden/ranking/ranking_golden.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(strings = {"5", "10", "64"})
    void matchesScikitLearnAndTrecEvalDefinitions(String k) throws IOException {
        JsonNode g = golden();
        JsonNode expected = g.get("cases").get(k);
        RankingResult r = RankingEvaluation.of(diabetes(),
                new RankingColumns("query", "item", "score", null, "relevance", List.of("bmi", "bp"), Integer.parseInt(k)));
        assertThat(r.queries()).isEqualTo(g.get("queries").asLong());
        assertThat(r.rows()).isEqualTo(g.get("rows").asLong());
        assertThat(r.queriesWithoutRelevant()).isZero();
        assertThat(r.metrics()).hasSize(13);
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            assertThat(expected.has(e.getKey())).as(e.getKey()).isTrue();
            assertThat(e.getValue()).as(e.getKey()).isCloseTo(expected.get(e.getKey()).asDouble(), within(TOL));
        }
        if (expected.has("sklearn_average_precision")) {
            assertThat(r.metrics().get("map@" + k)).isCloseTo(expected.get("sklearn_average_precision").asDouble(), within(TOL));
        }
        assertThat(r.precisionCurve()[r.precisionCurve().length - 1]).isEqualTo(r.metrics().get("precision@" + k));
        assertThat(r.recallCurve()[r.recallCurve().length - 1]).isEqualTo(r.metrics().get("recall@" + k));
    }

    @Test
    void itemsRecurringAcrossQueriesWithTiedScores() throws IOException {
        JsonNode expected = golden().get("by_feature");
        RankingResult r = RankingEvaluation.of(table("diabetes_by_feature.csv"),
                new RankingColumns("query", "item", "score", null, "relevance", List.of("bmi", "bp"), 10));
        assertThat(r.queries()).isEqualTo(8);
        assertThat(expected.size()).isEqualTo(6);
        expected.fields().forEachRemaining(e ->
                assertThat(r.metrics().get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(TOL)));
    }

    static Frame diabetes() throws IOException {
        return table("diabetes_ranking.csv");
    }

    private static Frame table(String file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RankingGoldenTest.class.getResourceAsStream("/golden/ranking/" + file), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.get(i)[j];
                }
                columns.add(j < 2 ? CategoricalColumn.of(header[j], values)
                        : NumericColumn.wrap(header[j], Stream.of(values).mapToDouble(Double::parseDouble).toArray()));
            }
            return Frame.of(file, columns);
        }
    }
}
