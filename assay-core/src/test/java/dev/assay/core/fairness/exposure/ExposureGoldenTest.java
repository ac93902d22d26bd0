package dev.assay.core.fairness.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RankingExposure} against golden/exposure/exposure_golden.json (pandas 1.5.3 of
 * scripts/golden/exposure_golden.py) on German credit ranked by a bundled model's score within each
 * purpose, and on an Adult sample ranked by a logistic regression's score within each occupation.
 */
class ExposureGoldenTest {
    private static final double TOL = 1e-12;

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ExposureGoldenTest.class.getResourceAsStream("/golden/exposure/exposure_golden.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get("cases");
            List<JsonNode> out = new ArrayList<>();
            cases.fields().forEachRemaining(e -> out.add(((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue())
                    .put("name", e.getKey())));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPandas(JsonNode c) throws IOException {
        ExposurePlan plan = new ExposurePlan(text(c, "query"), text(c, "score"), text(c, "rank"), text(c, "group"), text(c, "relevance"),
                null, c.get("k").asInt());
        ExposureResult r = RankingExposure.of(frame(c.get("file").asText()), plan);
        assertThat(r.queries()).isEqualTo(c.get("queries").asInt());
        assertThat(r.topKPlaces()).isEqualTo(c.get("top_k_places").asLong());
        assertThat(r.groups()).hasSize(c.get("groups").size());
        for (GroupExposure g : r.groups()) {
            JsonNode e = c.get("groups").get(g.group());
            assertThat(e).as(g.group()).isNotNull();
            assertThat(g.rows()).isEqualTo(e.get("rows").asLong());
            assertThat(g.topK()).isEqualTo(e.get("top_k").asLong());
            assertThat(g.exposure()).as(g.group()).isCloseTo(e.get("exposure").asDouble(), within(TOL));
            assertThat(g.share()).isCloseTo(e.get("share").asDouble(), within(TOL));
            assertThat(g.topKShare()).isCloseTo(e.get("top_k_share").asDouble(), within(TOL));
            assertThat(g.topKRatio()).isCloseTo(e.get("top_k_ratio").asDouble(), within(TOL));
            if (plan.relevance() != null) {
                assertThat(g.relevance()).isCloseTo(e.get("relevance").asDouble(), within(TOL));
                assertThat(g.exposurePerRelevance()).isCloseTo(e.get("exposure_per_relevance").asDouble(), within(TOL));
            }
        }
        assertThat(r.exposureRatio()).isCloseTo(c.get("exposure_ratio").asDouble(), within(TOL));
        if (plan.relevance() != null) {
            assertThat(r.disparateTreatmentRatio()).isCloseTo(c.get("disparate_treatment_ratio").asDouble(), within(TOL));
        }
    }

    @Test
    void aHandCheckedRankingOfFiveRows() {
        // one ranking by score: a (0.9), b (0.8), a (0.7), b (0.6), b (0.6 tie: row order)
        Frame f = Frame.of(CategoricalColumn.of("g", "b", "a", "b", "a", "b"), NumericColumn.of("s", 0.6, 0.9, 0.6, 0.7, 0.8),
                NumericColumn.of("rel", 1, 1, 0, 0, 1));
        ExposureResult r = RankingExposure.of(f, new ExposurePlan(null, "s", null, "g", "rel", null, 2));
        double v1 = 1;
        double v2 = 1 / log2(3);
        double v3 = 1 / log2(4);
        double v4 = 1 / log2(5);
        double v5 = 1 / log2(6);
        GroupExposure b = r.groups().get(0);
        GroupExposure a = r.groups().get(1);
        assertThat(a.group()).isEqualTo("a");
        assertThat(a.exposure()).isCloseTo((v1 + v3) / 2, within(TOL));
        assertThat(b.exposure()).isCloseTo((v2 + v4 + v5) / 3, within(TOL));
        assertThat(a.relevance()).isEqualTo(0.5);
        assertThat(b.relevance()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(a.topKShare()).isEqualTo(0.5);
        assertThat(b.topKRatio()).isCloseTo(0.5 / 0.6, within(TOL));
        assertThat(r.exposureRatio()).isCloseTo(b.exposure() / a.exposure(), within(TOL));
        assertThat(r.disparateTreatmentRatio()).isCloseTo((b.exposure() / b.relevance()) / (a.exposure() / a.relevance()), within(TOL));
        Frame labelled = f.withColumn(CategoricalColumn.of("rel", "yes", "yes", "no", "no", "yes"));
        ExposureResult same = RankingExposure.of(labelled, new ExposurePlan(null, "s", null, "g", "rel", "yes", 2));
        assertThat(same.disparateTreatmentRatio()).isEqualTo(r.disparateTreatmentRatio());
        assertThatThrownBy(() -> RankingExposure.of(labelled, new ExposurePlan(null, "s", null, "g", "rel", null, 2)))
                .hasMessageContaining("'rel' holds categories (yes, no); name the relevant one");
    }

    @Test
    void badInputIsNamed() {
        Frame f = Frame.of(CategoricalColumn.of("g", "a", "a"), NumericColumn.of("s", 0.5, 0.4));
        assertThatThrownBy(() -> RankingExposure.of(f, new ExposurePlan(null, "s", null, "g", null, null, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only the value 'a'");
        Frame g = Frame.of(CategoricalColumn.of("g", "a", "b"), NumericColumn.of("s", 0.5, Double.NaN));
        assertThatThrownBy(() -> RankingExposure.of(g, new ExposurePlan(null, "s", null, "g", null, null, 3)))
                .hasMessageContaining("'s' (score) has no value at row 2");
        assertThatThrownBy(() -> new ExposurePlan(null, "s", "r", "g", null, null, 3)).hasMessageContaining("not both");
        assertThatThrownBy(() -> RankingExposure.of(g, new ExposurePlan(null, "s", null, "sex", null, null, 3)))
                .hasMessageContaining("sex");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static String text(JsonNode c, String key) {
        return c.get(key) == null || c.get(key).isNull() ? null : c.get(key).asText();
    }

    private static Frame frame(String file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ExposureGoldenTest.class.getResourceAsStream("/golden/exposure/" + file), StandardCharsets.UTF_8))) {
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
                columns.add(numeric(values) ? NumericColumn.wrap(header[j], Stream.of(values).mapToDouble(Double::parseDouble).toArray())
                        : CategoricalColumn.of(header[j], values));
            }
            return Frame.of(file, columns);
        }
    }

    private static boolean numeric(String[] values) {
        return Stream.of(values).allMatch(v -> v.matches("-?[0-9.]+(e-?[0-9]+)?"));
    }
}
