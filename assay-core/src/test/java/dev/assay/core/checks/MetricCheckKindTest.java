package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricCheckKindTest {

    @Test
    void theMetricKindIsFoundOnTheClassPath() {
        assertThat(CheckKinds.discover().get("metric")).isInstanceOf(MetricCheckKind.class);
    }

    @Test
    void aCheckBuiltFromAMapMeasuresWhatItNames() {
        CheckSetup setup = new CheckSetup("gate", List.of(), null, EvaluationSettings.defaults().withTask(Task.MULTICLASS), 7);
        Check check = new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metrics", List.of("f1_macro", "f1"))),
                setup);
        assertThat(check.measures()).containsExactly("f1_macro", "f1");
        assertThat(check.settings()).containsEntry("metrics", "f1_macro, f1").containsEntry("evidence", "false")
                .containsEntry("seed", "7");
        Check all = new MetricCheckKind().create(CheckConfig.of("check 'all'", Map.of()), setup);
        assertThat(all.measures()).contains("accuracy", "log_loss", "precision", "recall", "f1").doesNotContain("roc_auc");
    }

    @Test
    void unknownMetricsAndConditionsAboutUnmeasuredValuesAreRejected() {
        CheckSetup binary = new CheckSetup("gate", List.of(), null, EvaluationSettings.defaults().withTask(Task.BINARY), 7);
        assertThatThrownBy(() -> new MetricCheckKind().create(CheckConfig.of("check 'gate'", Map.of("metric", "recal")), binary))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("check 'gate', key 'metric': unknown metric 'recal' for a binary task. Did you mean 'recall'?");
        assertThatThrownBy(() -> MetricCheck.builder().metric("recall").fail("precision >= 0.5").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("check 'recall': the condition 'precision >= 0.5' is about 'precision', which this check does not "
                        + "measure. It measures: recall.");
    }
}
