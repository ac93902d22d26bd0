package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.check.Dataset;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Status;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library example of the README, line for line, so that it keeps compiling and working. */
class ReadmeLibraryExampleTest {

    @Test
    void theReadmeExampleRuns() {
        Path file = Path.of(EvaluateCommandTest.GERMAN_TEST);
        // --- README example starts
        Frame frame = new DataReader().read(file, "current").frame();
        Schema schema = Schema.builder().label("class").score("proba_bad").prediction("predicted").build();
        EvaluationSettings settings = EvaluationSettings.defaults().withPositiveClass("bad");

        Evaluation evaluation = Evaluator.evaluate(frame, schema, settings);
        double auc = evaluation.metric("roc_auc").value();

        Check gate = new MetricCheck("Catches bad credit", List.of("recall"), settings, null, false,
                List.of(Condition.parse("recall >= 0.4", Severity.FAIL)));
        CheckResult result = gate.run(new CheckContext(Dataset.of("current", frame, schema), null));
        // --- README example ends
        assertThat(auc).isEqualTo(0.7864550264550265, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.measurement("recall").value()).isEqualTo(41.0 / 90, org.assertj.core.data.Offset.offset(1e-12));
    }
}
