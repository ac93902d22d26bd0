package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNode schema;
    private JsonNode report;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            schema = MAPPER.readTree(in);
        }
        report = MAPPER.readTree(new JsonReportWriter().render(SampleSuites.binaryClassification()));
    }

    @Test
    void writtenReportHasExactlyTheFieldsOfTheSchemaAndUsesAllOfThem() {
        SchemaWalker walker = new SchemaWalker(schema);

        assertThat(walker.validate(report)).isEmpty();
        assertThat(walker.validate(readTree(new JsonReportWriter().render(SampleSuites.allPassing()))))
                .isEmpty();
        assertThat(walker.visitedPaths()).containsExactlyInAnyOrderElementsOf(walker.declaredPaths());
    }

    @Test
    void walkerRejectsAnUndocumentedFieldAMissingFieldAndAWrongType() {
        SchemaWalker walker = new SchemaWalker(schema);
        ObjectNode extra = report.deepCopy();
        ((ObjectNode) extra.get("checks").get(0).get("measurements").get(0)).put("stddev", 0.1);
        ObjectNode missing = report.deepCopy();
        ((ObjectNode) missing.get("provenance")).remove("startedAt");
        ObjectNode wrongType = report.deepCopy();
        ((ObjectNode) wrongType.get("counts")).put("fail", "one");
        ObjectNode badChart = report.deepCopy();
        ((ObjectNode) badChart.get("checks").get(0).get("charts").get(0)).put("type", "pie");

        assertThat(walker.validate(extra)).containsExactly("checks[].measurements[]: undocumented field 'stddev'");
        assertThat(walker.validate(missing)).containsExactly("provenance: missing required field 'startedAt'");
        assertThat(walker.validate(wrongType)).singleElement().asString().startsWith("counts.fail: expected type");
        assertThat(walker.validate(badChart)).singleElement().asString().startsWith("checks[].charts[]: matches 0 of the oneOf");
    }

    @Test
    void documentationListsExactlyTheFieldsOfTheSchema() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "report-json.md"));
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(docs);
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>(new SchemaWalker(schema).declaredPaths());

        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void headerCountsAndProvenance() {
        assertThat(report.get("schema").asText()).isEqualTo("assay-report");
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(report.get("suite").asText()).isEqualTo(SampleSuites.SUITE_NAME);
        assertThat(report.get("status").asText()).isEqualTo("error");
        assertThat(report.get("counts").toString())
                .isEqualTo("{\"pass\":2,\"skipped\":1,\"warn\":1,\"fail\":1,\"error\":1,\"total\":6}");
        assertThat(report.get("durationSeconds").asDouble()).isEqualTo(2.417);
        JsonNode provenance = report.get("provenance");
        assertThat(provenance.get("startedAt").asText()).isEqualTo("2026-11-28T12:50:16Z");
        assertThat(provenance.get("datasets").get(1).get("fingerprint").isNull()).isTrue();
        assertThat(provenance.get("settings").get("positiveClass").asText()).isEqualTo(">50K");
        assertThat(provenance.get("checks").get(SampleSuites.FAILED_CHECK).get("where").asText()).isEqualTo("sex = Female");
        assertThat(report.get("checks").get(1).get("confusion_matrix").toString())
                .isEqualTo("{\"labels\":[\"<=50K\",\">50K\"],\"counts\":[[11360,1075],[1107,2739]],\"weighted\":false}");
        assertThat(report.get("checks").get(0).get("confusion_matrix").isNull()).isTrue();
    }

    @Test
    void checksKeepTheSuiteOrderAndTheirValues() {
        ArrayNode checks = (ArrayNode) report.get("checks");
        assertThat(checks).extracting(c -> c.get("status").asText())
                .containsExactly("pass", "fail", "warn", "error", "skipped", "pass");
        JsonNode recall = checks.get(1);
        assertThat(recall.get("name").asText()).isEqualTo(SampleSuites.FAILED_CHECK);
        JsonNode measurement = recall.get("measurements").get(0);
        assertThat(measurement.get("value").asDouble()).isEqualTo(0.7121);
        assertThat(measurement.get("interval").toString())
                .isEqualTo("{\"lower\":0.6977,\"upper\":0.7262,\"level\":0.95,\"method\":\"wilson\"}");
        assertThat(measurement.get("reference").asDouble()).isEqualTo(0.749);
        assertThat(measurement.get("n").asLong()).isEqualTo(3846);
        JsonNode failed = recall.get("conditions").get(0);
        assertThat(failed.get("passed").asBoolean()).isFalse();
        assertThat(failed.get("severity").asText()).isEqualTo("fail");
        assertThat(failed.get("message").asText()).isEqualTo("Expecting recall on data/adult/adult-test.csv: measured 0.7121 (95% CI 0.6977–0.7262, n=3846) to be at least 0.8");
        assertThat(recall.get("tables").get(0).get("rows").get(1).toString()).isEqualTo("[\">50K\",1107,2739]");
        assertThat(checks.get(3).get("message").asText()).contains("\nFix: add the column");
    }

    @Test
    void undefinedValuesAreNullWithTheirNote() {
        JsonNode fairness = report.get("checks").get(5);
        JsonNode undefined = fairness.get("measurements").get(3);
        assertThat(undefined.get("name").asText()).isEqualTo("recall");
        assertThat(undefined.get("key").asText()).isEqualTo("sex=<unknown>");
        assertThat(fairness.get("measurements").get(0).get("key").isNull()).isTrue();
        JsonNode member = fairness.get("conditions").get(1);
        assertThat(member.get("condition").asText()).isEqualTo("recall[sex=Female] >= reference - 0.05");
        assertThat(member.get("metric").asText()).isEqualTo("recall[sex=Female]");
        assertThat(member.get("threshold").asDouble()).isCloseTo(0.651, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(undefined.get("value").isNull()).isTrue();
        assertThat(undefined.get("note").asText()).isEqualTo("no positive rows in group '<unknown>'");
        assertThat(undefined.get("warnings").get(0).asText()).startsWith("zero division");
        assertThat(fairness.get("tables").get(0).get("rows").get(2).toString()).isEqualTo("[\"<unknown>\",0,0,null,null]");
        JsonNode bars = fairness.get("charts").get(0);
        assertThat(bars.get("series").get(0).get("values").toString()).isEqualTo("[0.6835,0.7247,null]");
        assertThat(bars.get("series").get(0).get("lower").toString()).isEqualTo("[0.645,0.71,null]");
        assertThat(bars.get("series").get(1).get("upper").toString()).isEqualTo("[0.736,0.769,null]");
        JsonNode residuals = fairness.get("charts").get(1);
        assertThat(residuals.get("xAxis").get("min").isNull()).isTrue();
        assertThat(residuals.get("series").get(1).get("y").get(5).isNull()).isTrue();
    }

    @Test
    void chartsAreWrittenAsData() {
        JsonNode charts = report.get("checks").get(0).get("charts");
        JsonNode roc = charts.get(0);
        assertThat(roc.get("type").asText()).isEqualTo("xy");
        assertThat(roc.get("xAxis").toString()).isEqualTo("{\"label\":\"False positive rate\",\"min\":0.0,\"max\":1.0}");
        assertThat(roc.get("series")).extracting(s -> s.get("style").asText()).containsExactly("guide", "line", "line");
        assertThat(roc.get("series").get(1).get("x")).hasSize(41);
        assertThat(charts.get(1).get("series").get(0).get("style").asText()).isEqualTo("step");
        JsonNode heatmap = report.get("checks").get(1).get("charts").get(0);
        assertThat(heatmap.get("type").asText()).isEqualTo("heatmap");
        assertThat(heatmap.get("values").toString()).isEqualTo("[[11360.0,1075.0],[1107.0,2739.0]]");
        assertThat(heatmap.get("rowLabels").toString()).isEqualTo("[\"<=50K\",\">50K\"]");
    }

    @Test
    void outputIsDeterministic() {
        JsonReportWriter writer = new JsonReportWriter();
        assertThat(writer.render(SampleSuites.binaryClassification())).isEqualTo(writer.render(SampleSuites.binaryClassification()));
        assertThat(writer.fileName()).isEqualTo("report.json");
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
