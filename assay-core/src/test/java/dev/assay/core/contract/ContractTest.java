package dev.assay.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contracts on Adult against pandas' counts of Great Expectations' unexpected rows (integrity_golden.py). */
class ContractTest {
    private static Frame adult;
    private static JsonNode g;

    @BeforeAll
    static void load() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../examples/models/adult.csv"));
        String[] header = lines.get(0).split(",");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        List<dev.assay.core.data.Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            int col = c;
            String[] values = rows.stream().map(r -> r[col].equals("?") ? null : r[col]).toArray(String[]::new);
            if (NumberText.isNumber(values[0])) {
                columns.add(NumericColumn.wrap(header[c], java.util.Arrays.stream(values).mapToDouble(Double::parseDouble).toArray()));
            } else {
                columns.add(CategoricalColumn.of(header[c], values));
            }
        }
        adult = Frame.of("adult.csv", columns, r -> "line " + (r + 2));
        try (InputStream in = ContractTest.class.getResourceAsStream("/golden/integrity_contract_adult.json")) {
            g = new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, Outcome> evaluate(Map<String, ?> settings) {
        Map<String, Outcome> out = new java.util.LinkedHashMap<>();
        for (Outcome o : ContractReader.read("adult", CheckConfig.of("contract", settings)).evaluate(adult)) {
            out.put(o.id(), o);
        }
        return out;
    }

    @Test
    void unexpectedCountsMatchPandas() {
        Map<String, Outcome> o = evaluate(Map.of("rows", Map.of("min", 1000), "columns", Map.of(
                "age", Map.of("min", 20, "max", 80),
                "workclass", Map.of("nullable", false, "allowed", List.of("Private", "Self-emp-not-inc", "Self-emp-inc")),
                "education", Map.of("regex", "^(?:Bachelors|Masters|Doctorate|HS-grad)$", "min_length", 5, "max_length", 9),
                "fnlwgt", Map.of("unique", true),
                "hours-per-week", Map.of("increasing", true))));
        assertThat(o.get("age:range").unexpected()).isEqualTo(g.get("age:range").asLong());
        assertThat(o.get("workclass:allowed").unexpected()).isEqualTo(g.get("workclass:allowed").asLong());
        assertThat(o.get("workclass:allowed").checked()).isEqualTo(g.get("workclass:checked").asLong());
        assertThat(o.get("workclass:not_null").unexpected()).isEqualTo(g.get("workclass:not_null").asLong());
        assertThat(o.get("education:regex").unexpected()).isEqualTo(g.get("education:regex").asLong());
        assertThat(o.get("education:length").unexpected()).isEqualTo(g.get("education:length").asLong());
        assertThat(o.get("fnlwgt:unique").unexpected()).isEqualTo(g.get("fnlwgt:unique").asLong());
        assertThat(o.get("hours-per-week:increasing").unexpected()).isEqualTo(g.get("hours:increasing").asLong());
        assertThat(o.get("rows:count").passed()).isTrue();
        assertThat(o.get("workclass:not_null").samples().get(0)).isEqualTo("row 28 (line 29): (missing)");
        assertThat(o.get("age:range").samples()).allMatch(s -> s.matches("row \\d+ \\(line \\d+\\): '\\d+'"));
    }

    @Test
    void strictBoundsExcludeTheBound() {
        Map<String, Outcome> o = evaluate(Map.of("columns", Map.of("age", Map.of("min", 17, "max", 90, "strict_min", true,
                "strict_max", true))));
        assertThat(o.get("age:range").unexpected()).isEqualTo(g.get("age:strict_range").asLong());
        assertThat(o.get("age:range").description()).isEqualTo("17 < age < 90");
    }

    @Test
    void mostlyIsTheShareOfCheckedRowsThatMustPass() {
        // 1,836 of 32,561 workclass values are missing: a share of 0.94361 is present
        assertThat(evaluate(Map.of("columns", Map.of("workclass", Map.of("nullable", false, "mostly", 0.94))))
                .get("workclass:not_null").passed()).isTrue();
        assertThat(evaluate(Map.of("columns", Map.of("workclass", Map.of("nullable", false, "mostly", 0.95))))
                .get("workclass:not_null").passed()).isFalse();
        assertThat(evaluate(Map.of("mostly", 0.5, "columns", Map.of("workclass", Map.of("nullable", false))))
                .get("workclass:not_null").mostly()).isEqualTo(0.5);
    }

    @Test
    void typesAndTimestamps() {
        Frame f = Frame.of("t.csv", List.of(TextColumn.of("when", "2024-01-01", "2024-01-02 10:00:00", "2024-01-02", "soon", null,
                "2024-01-03T00:00Z"), TextColumn.of("n", "1", "2.5", "x", "4", "5", "6")), r -> "line " + (r + 2));
        Contract c = ContractReader.read("t", CheckConfig.of("contract", Map.of("columns", Map.of(
                "when", Map.of("type", "timestamp", "increasing", "strictly", "min", "2024-01-01"),
                "n", Map.of("type", "integer")))));
        Map<String, Outcome> o = new java.util.LinkedHashMap<>();
        c.evaluate(f).forEach(x -> o.put(x.id(), x));
        assertThat(o.get("when:type").unexpected()).isEqualTo(1);
        assertThat(o.get("when:increasing").samples()).containsExactly("row 3 (line 4): '2024-01-02'", "row 4 (line 5): 'soon'");
        assertThat(o.get("when:range").unexpected()).isEqualTo(1);
        assertThat(o.get("n:type").unexpected()).isEqualTo(2);
        assertThat(o.get("n:type").checked()).isEqualTo(6);
    }

    @Test
    void theCheckFailsWhenAnExpectationFailsUnlessAConditionSaysOtherwise() {
        var kind = new ContractCheckKind();
        Map<String, Object> settings = Map.of("columns", Map.of("age", Map.of("min", 20, "max", 80)));
        CheckResult r = kind.create(CheckConfig.of("c", settings), CheckSetup.named("c"))
                .run(new CheckContext(Dataset.of("current", adult, Schema.empty()), null));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).isEqualTo("1 of 1 expectations fail: age:range.");
        assertThat(r.measurements()).filteredOn(m -> m.id().equals("unexpected_share[age:range]")).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(g.get("age:range").asDouble() / 32561));
        CheckSetup lenient = new CheckSetup("c", List.of(dev.assay.core.check.Condition.parse("unexpected_share[age:range] < 0.06",
                dev.assay.core.result.ConditionOutcome.Severity.FAIL)), null, dev.assay.core.metrics.EvaluationSettings.defaults(), 1);
        assertThat(kind.create(CheckConfig.of("c", settings), lenient)
                .run(new CheckContext(Dataset.of("current", adult, Schema.empty()), null)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void badContractsNameTheKey() {
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("columns", Map.of("age",
                Map.of("maximum", 3)))))).isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown key 'maximum'")
                .hasMessageContaining("Did you mean 'max'?");
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("columns", Map.of("age",
                Map.of("min", 5, "max", 3)))))).hasMessageContaining("'max' (3) is below 'min' (5)");
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("columns", Map.of("age",
                Map.of("regex", "(")))))).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("mostly", 0.5))))
                .hasMessageContaining("no expectations");
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("columns", Map.of("age",
                Map.of("type", "float")))))).hasMessageContaining("'type'");
        assertThatThrownBy(() -> ContractReader.read("x", CheckConfig.of("contract", Map.of("columns", Map.of("agee",
                Map.of("min", 1))))).evaluate(adult)).hasMessageContaining("agee").hasMessageContaining("age");
    }
}
