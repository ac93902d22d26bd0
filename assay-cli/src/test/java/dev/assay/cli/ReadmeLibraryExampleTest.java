package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.data.Dataset;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.model.Model;
import dev.assay.core.model.PredictionColumns;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Status;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library example of the README, line for line, so that it keeps compiling and working. */
class ReadmeLibraryExampleTest {

    @Test
    void theReadmeExampleRuns() throws Exception {
        Path examples = Path.of("../examples").toAbsolutePath().normalize();
        String readme = Files.readString(examples.resolveSibling("README.md"));
        double auc;
        CheckResult result;
        // --- README example starts
        Frame frame = new DataReader().read(examples.resolve("german-credit/test.csv"), "current").frame();
        try (Model model = OnnxModel.load(examples.resolve("models/german_credit_forest.onnx"))) {
            Dataset data = PredictionColumns.attach(Dataset.of("current", frame, Schema.builder().label("class").build()),
                    model.predict(frame), model.info().name()).dataset();
            EvaluationSettings settings = EvaluationSettings.defaults().withPositiveClass("bad");
            auc = Evaluator.evaluate(data.frame(), data.schema(), settings).metric("roc_auc").value();

            Check gate = new MetricCheck("Catches bad credit", List.of("recall"), settings, null, false,
                    List.of(Condition.parse("recall >= 0.3", Severity.FAIL)));
            result = gate.run(new CheckContext(data, null, model));
        }
        // --- README example ends
        assertThat(readme).contains("try (Model model = OnnxModel.load(", "Condition.parse(\"recall >= 0.3\", Severity.FAIL)");
        assertThat(auc).isBetween(0.74, 0.745);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.measurement("recall").value()).isEqualTo(31.0 / 93, org.assertj.core.data.Offset.offset(1e-12));
    }
}
