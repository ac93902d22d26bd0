package dev.assay.core.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    @Test
    void rulesReadFromTheYamlShape() throws Exception {
        Object yaml = new ObjectMapper().readValue("[{\"name\": \"feature drift\", \"metric\": \"drift_p[*]\", \"below\": 0.05, \"for\": 2},"
                + "{\"name\": \"age psi\", \"metric\": \"psi[age]\", \"above\": \"0.2\", \"severity\": \"critical\"},"
                + "{\"name\": \"accuracy\", \"metric\": \"estimated_accuracy\", \"outside\": \"reference_band\"}]", Object.class);
        List<AlertRule> rules = AlertRules.parse(yaml, "alerts.yaml");
        assertThat(rules).containsExactly(
                new AlertRule("feature drift", "drift_p[*]", AlertRule.Condition.BELOW, 0.05, "warning", 2),
                new AlertRule("age psi", "psi[age]", AlertRule.Condition.ABOVE, 0.2, "critical", 1),
                new AlertRule("accuracy", "estimated_accuracy", AlertRule.Condition.OUTSIDE_BAND, Double.NaN, "warning", 1));
        assertThat(rules.get(0).multipleTest()).isTrue();
        assertThat(rules.get(1).multipleTest()).isFalse();
    }

    @Test
    void mistakesNameTheRuleTheKeyAndTheFix() {
        assertError(Map.of("metric", "psi[age]", "above", 1), "has no name");
        assertError(Map.of("name", "a", "metric", "psi age", "above", 1), "metric 'psi age'");
        assertError(Map.of("name", "a", "metric", "psi[age]"), "needs exactly one of above, below or outside");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", 1, "below", 2), "it has 2");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", "high"), "above: 'high', which is not a number");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", 1, "for", 0), "for: 0");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", 1, "for", 1.5), "whole number");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", 1, "severity", "panic"), "severity 'panic'");
        assertError(Map.of("name", "a", "metric", "psi[age]", "outside", "yesterday"), "reference_band");
        assertError(Map.of("name", "a", "metric", "drift_p[*]", "below", 5), "false discovery rate");
        assertError(Map.of("name", "a", "metric", "psi[age]", "above", 1, "threshold", 2), "unknown key 'threshold'");
        assertThatThrownBy(() -> AlertRules.parse(Map.of("name", "a"), "alerts.yaml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a list");
        assertThatThrownBy(() -> AlertRules.parse(List.of("psi"), "alerts.yaml")).hasMessageContaining("rule 1 is not a map");
    }

    private static void assertError(Map<String, Object> rule, String message) {
        assertThatThrownBy(() -> AlertRules.parse(List.of(Map.of("name", "ok", "metric", "rows", "below", 1), rule), "alerts.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alerts.yaml, rule 2").hasMessageContaining(message);
    }
}
