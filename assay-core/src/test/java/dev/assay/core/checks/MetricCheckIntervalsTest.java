package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.uncertainty.Golden;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ci} key of metric checks, on German credit (binary_german_credit.json: recall 39 of 90 bad risks). */
class MetricCheckIntervalsTest {
    private static final JsonNode SOURCE = Golden.read("binary_german_credit.json");
    private static final CheckContext CONTEXT = new CheckContext(
            Dataset.of("current", Golden.frame(SOURCE), Golden.schema(SOURCE)), null);
    private static final CheckSetup SETUP = new CheckSetup("gate", List.of(), null,
            EvaluationSettings.defaults().withTask(Task.BINARY), 7);

    @Test
    void conditionsOnTheLowerBoundAreJudged() {
        IntervalSettings wilson = new IntervalSettings(IntervalMethod.WILSON, 0, 0.95);
        CheckResult failed = MetricCheck.builder().metric("recall").fail("recall.lower >= 0.4").ci(wilson).build().run(CONTEXT);
        Measurement recall = failed.measurement("recall");
        assertThat(recall.value()).isEqualTo(39 / 90.0);
        assertThat(recall.interval()).isEqualTo(WilsonInterval.of(39, 90, 0.95).interval());
        assertThat(failed.status()).isEqualTo(Status.FAIL);
        assertThat(MetricCheck.builder().metric("recall").fail("recall.lower >= 0.33").ci(wilson).build().run(CONTEXT).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void wilsonOnEveryMetricGivesIntervalsToTheProportionsOnly() {
        CheckResult all = new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("ci", Map.of("method", "wilson"))),
                SETUP).run(CONTEXT);
        assertThat(all.measurement("precision").interval()).isEqualTo(WilsonInterval.of(39, 52, 0.95).interval());
        assertThat(all.measurement("roc_auc").interval()).isNull();
        assertThat(all.measurement("roc_auc").note()).isNull();
    }

    @Test
    void ciTrueIsASeededBcaBootstrapRecordedInTheSettings() {
        Check check = new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metrics", List.of("roc_auc", "recall"),
                "ci", true)), SETUP);
        assertThat(check.settings()).containsEntry("ci.method", "bca").containsEntry("ci.resamples", "1000")
                .containsEntry("ci.level", "0.95").containsEntry("seed", "7");
        CheckResult first = check.run(CONTEXT);
        assertThat(first.measurement("roc_auc").interval().method()).isEqualTo("bootstrap-bca");
        assertThat(first.measurement("recall").interval().level()).isEqualTo(0.95);
        assertThat(check.run(CONTEXT).measurement("roc_auc").interval()).isEqualTo(first.measurement("roc_auc").interval());
    }

    @Test
    void aMappingChoosesMethodResamplesAndLevel() {
        Check check = new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metric", "f1",
                "ci", Map.of("method", "percentile", "resamples", 200, "level", 0.9))), SETUP);
        assertThat(check.settings()).containsEntry("ci.method", "percentile").containsEntry("ci.resamples", "200")
                .containsEntry("ci.level", "0.9");
        assertThat(check.run(CONTEXT).measurement("f1").interval().method()).isEqualTo("bootstrap-percentile");
        assertThat(new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metric", "f1", "ci", false)), SETUP)
                .settings()).doesNotContainKey("ci.method");
    }

    @Test
    void badIntervalSettingsNameTheKey() {
        assertThatThrownBy(() -> create(Map.of("resamples", 50)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("check 'gate', key 'ci': 'ci.resamples' must be at least 100 for a bootstrap interval, got 50."
                        + " Use 1000 or more for 95% intervals.");
        assertThatThrownBy(() -> create(Map.of("level", 95)))
                .hasMessage("check 'gate', key 'ci': 'ci.level' must be a confidence level between 0 and 1 (exclusive), got 95.0."
                        + " Use e.g. 0.95 for a 95% interval.");
        assertThatThrownBy(() -> create(Map.of("resample", 500)))
                .hasMessage("check 'gate', key 'ci': unknown key 'resample' under 'ci'. Did you mean 'resamples'? Allowed: method,"
                        + " resamples, level.");
        assertThatThrownBy(() -> create(Map.of("method", "bootstrap")))
                .hasMessage("check 'gate', key 'ci', key 'method': unknown value 'bootstrap' for 'method'. Use one of [bca, percentile,"
                        + " wilson].");
        assertThatThrownBy(() -> new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metric", "roc_auc",
                "ci", Map.of("method", "wilson"))), SETUP))
                .hasMessage("check 'gate', key 'ci': method wilson is for proportions of counts (accuracy, precision, recall,"
                        + " specificity, npv, fpr, fnr), not 'roc_auc'. Use method bca or percentile for it.");
    }

    private static Check create(Map<String, Object> ci) {
        return new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metric", "recall", "ci", ci)), SETUP);
    }
}
