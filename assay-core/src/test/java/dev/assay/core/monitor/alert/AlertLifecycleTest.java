package dev.assay.core.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.WindowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final AlertRule PSI = new AlertRule("age psi", "psi[age]", AlertRule.Condition.ABOVE, 0.2, "warning", 2);
    private static final AlertRule DRIFT = new AlertRule("drift", "drift_p[*]", AlertRule.Condition.BELOW, 0.05, "warning", 1);
    private static final AlertRule BAND = new AlertRule("accuracy", "estimated_accuracy", AlertRule.Condition.OUTSIDE_BAND, Double.NaN,
            "critical", 1);

    @Test
    void pValuesAreAdjustedByBenjaminiHochbergAcrossTheColumnsOfAWindow() {
        Map<String, Double> values = new LinkedHashMap<>();
        double[] p = {0.01, 0.02, 0.03, 0.04, 0.5};
        for (int i = 0; i < p.length; i++) {
            values.put("drift_p[c" + i + "]", p[i]);
        }
        values.put("drift_p[empty]", Double.NaN);
        List<RuleOutcome> out = new AlertEvaluator(List.of(DRIFT)).evaluate(snapshot(0, values, Map.of()));
        assertThat(out).hasSize(6);
        assertThat(out.get(0).value()).isCloseTo(0.05, within(1e-15));
        assertThat(out.get(3).value()).isCloseTo(0.05, within(1e-15));
        assertThat(out.get(4).value()).isEqualTo(0.5);
        assertThat(out.stream().filter(RuleOutcome::breached).map(RuleOutcome::metric))
                .containsExactly("drift_p[c0]", "drift_p[c1]", "drift_p[c2]", "drift_p[c3]");
        assertThat(out.get(5).breached()).isFalse();
        Map<String, Double> one = Map.of("drift_p[c0]", 0.04, "drift_p[c1]", 0.9);
        assertThat(new AlertEvaluator(List.of(DRIFT)).evaluate(snapshot(0, one, Map.of())).get(0).breached())
                .as("0.04 * 2 / 1 = 0.08 > 0.05").isFalse();
    }

    @Test
    void anAlertFiresAfterItsWindowsIsAcknowledgedAndResolves() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(PSI));
        AlertTracker tracker = new AlertTracker();
        assertThat(step(evaluator, tracker, 0, 0.3)).as("one window is not enough").isEmpty();
        List<Alert> fired = step(evaluator, tracker, 1, 0.4);
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.State.FIRING);
            assertThat(a.startsAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(a.value()).isEqualTo(0.4);
        });
        String fp = fired.get(0).fingerprint();
        assertThat(step(evaluator, tracker, 2, 0.5)).as("still firing: no new notification").isEmpty();
        assertThat(tracker.acknowledge(fp).acknowledged()).isTrue();
        assertThat(tracker.firing()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(0.5));
        List<Alert> resolved = step(evaluator, tracker, 3, 0.1);
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.State.RESOLVED);
            assertThat(a.endsAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
            assertThat(a.acknowledged()).isFalse();
        });
        assertThat(tracker.firing()).isEmpty();
        assertThatThrownBy(() -> tracker.acknowledge(fp)).isInstanceOf(InvalidInputException.class).hasMessageContaining(fp);
        assertThat(step(evaluator, tracker, 4, Double.NaN)).as("NaN never breaches").isEmpty();
    }

    @Test
    void aSilenceSuppressesNotificationsUntilItEnds() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(PSI));
        AlertTracker tracker = new AlertTracker();
        String fp = AlertTracker.fingerprint("m", "v1", "age psi", "psi[age]");
        tracker.silence(fp, T0.plus(Duration.ofHours(5)));
        step(evaluator, tracker, 0, 0.3);
        assertThat(step(evaluator, tracker, 1, 0.3)).isEmpty();
        assertThat(tracker.firing()).singleElement().satisfies(a -> assertThat(a.silencedAt(T0.plus(Duration.ofHours(2)))).isTrue());
        assertThat(step(evaluator, tracker, 2, 0.1)).as("resolved while silenced").isEmpty();
        step(evaluator, tracker, 5, 0.3);
        assertThat(step(evaluator, tracker, 6, 0.3)).as("the silence has ended").hasSize(1);
    }

    @Test
    void aBandRuleBreachesOutsideTheReferenceBand() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(BAND));
        Map<String, double[]> band = Map.of("estimated_accuracy", new double[] {0.82, 0.88});
        assertThat(evaluator.evaluate(snapshot(0, Map.of("estimated_accuracy", 0.85), band)).get(0).breached()).isFalse();
        assertThat(evaluator.evaluate(snapshot(1, Map.of("estimated_accuracy", 0.80), band)).get(0).firing()).isTrue();
        assertThat(evaluator.evaluate(snapshot(2, Map.of("estimated_accuracy", 0.90), Map.of())).get(0).breached())
                .as("no band, no breach").isFalse();
        assertThat(evaluator.evaluate(snapshot(3, Map.of(), band)).get(0).value()).as("absent metric").isNaN();
    }

    @Test
    void theWebhookBodyHasAlertmanagersVersion4Shape() throws Exception {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(PSI));
        AlertTracker tracker = new AlertTracker();
        step(evaluator, tracker, 0, 0.3);
        List<Alert> fired = step(evaluator, tracker, 1, 0.3);
        String json = AlertmanagerPayload.toJson(AlertmanagerPayload.build("assay", List.of("alertname", "model"), "http://monitor:7070",
                fired));
        JsonNode body = new ObjectMapper().readTree(json);
        assertThat(body.get("version").asText()).isEqualTo("4");
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("receiver").asText()).isEqualTo("assay");
        assertThat(body.get("groupKey").asText()).isEqualTo("{}:{alertname=\"age psi\", model=\"m\"}");
        assertThat(body.get("truncatedAlerts").asInt()).isZero();
        assertThat(body.get("groupLabels").toString()).isEqualTo("{\"alertname\":\"age psi\",\"model\":\"m\"}");
        assertThat(body.get("commonLabels").get("severity").asText()).isEqualTo("warning");
        assertThat(body.get("externalURL").asText()).isEqualTo("http://monitor:7070");
        JsonNode alert = body.get("alerts").get(0);
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("labels").get("metric").asText()).isEqualTo("psi[age]");
        assertThat(alert.get("labels").get("version").asText()).isEqualTo("v1");
        assertThat(alert.get("annotations").get("summary").asText()).isEqualTo("age psi: psi[age] = 0.300000 for model m version v1");
        assertThat(alert.get("startsAt").asText()).isEqualTo("2026-03-01T02:00:00Z");
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("generatorURL").asText()).isEqualTo("http://monitor:7070/models/m");
        assertThat(alert.get("fingerprint").asText()).hasSize(16).isEqualTo(AlertTracker.fingerprint("m", "v1", "age psi", "psi[age]"));

        List<Alert> resolved = step(evaluator, tracker, 2, 0.0);
        JsonNode after = new ObjectMapper().readTree(AlertmanagerPayload.toJson(AlertmanagerPayload.build("assay", List.of(), "x",
                resolved)));
        assertThat(after.get("status").asText()).isEqualTo("resolved");
        assertThat(after.get("alerts").get(0).get("endsAt").asText()).isEqualTo("2026-03-01T03:00:00Z");
    }

    private static List<Alert> step(AlertEvaluator evaluator, AlertTracker tracker, int hour, double psi) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("psi[age]", psi);
        return tracker.update("m", "v1", evaluator.evaluate(snapshot(hour, values, Map.of())), T0.plus(Duration.ofHours(hour + 1)));
    }

    private static WindowSnapshot snapshot(int hour, Map<String, Double> values, Map<String, double[]> bands) {
        return new WindowSnapshot("m", "v1", T0.plus(Duration.ofHours(hour)), values, bands);
    }
}
