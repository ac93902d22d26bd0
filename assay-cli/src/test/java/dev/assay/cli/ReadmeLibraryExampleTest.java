package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.model.ModelSource;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.Suite;
import dev.assay.io.suite.SuitePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library example of the README, line for line, so that it keeps compiling and giving the numbers it shows. */
class ReadmeLibraryExampleTest {

    @Test
    void theReadmeExampleRuns() throws Exception {
        Path examples = Path.of("../examples").toAbsolutePath().normalize();
        String readme = Files.readString(examples.resolveSibling("README.md"));
        // --- README example starts
        // A suite file, run exactly as `assay run` runs it (data read once, the model predicts once):
        SuiteResult demo = SuitePlan.fromFile(examples.resolve("german-credit/suite.yaml")).run();

        // The same kind of gate built in Java:
        Suite gate = Suite.of("Credit gate", MetricCheck.builder()
                .metric("recall", "roc_auc")
                .evaluation(EvaluationSettings.defaults().withPositiveClass("bad"))
                .fail("recall >= 0.3")
                .warn("roc_auc >= reference - 0.05")
                .build());
        SuiteResult result = SuitePlan.builder(gate)
                .current(examples.resolve("german-credit/test.csv"))
                .reference(examples.resolve("german-credit/train.csv"))
                .model(ModelSource.of(examples.resolve("models/german_credit_forest.onnx").toString()))
                .columns(Schema.builder().label("class").build())
                .build()
                .run();
        double auc = result.checks().get(0).measurement("roc_auc").value();
        // --- README example ends
        assertThat(readme).contains("SuitePlan.fromFile(examples.resolve(\"german-credit/suite.yaml\")).run();",
                ".fail(\"recall >= 0.3\")", "double auc = result.checks().get(0).measurement(\"roc_auc\").value();");
        assertThat(demo.status()).isEqualTo(Status.WARN);
        CheckResult check = result.checks().get(0);
        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.measurement("recall").value()).isEqualTo(31.0 / 93);
        // 14,289 of the 93 x 207 (bad, good) pairs of test.csv are ranked the right way round by the forest
        assertThat(auc).isEqualTo(14289.0 / (93 * 207));
        // on its 700 training rows (207 bad, 493 good) the forest ranks 96,492 pairs right: it warns of overfitting
        assertThat(check.measurement("roc_auc").reference()).isEqualTo(96492.0 / (207 * 493));
        assertThat(check.conditions()).extracting(c -> c.passed()).containsExactly(true, false);
        assertThat(readme).contains(String.format(java.util.Locale.ROOT, "roc_auc            %.6f", auc));
        assertThat(result.provenance().checks().get("recall, roc_auc")).containsEntry("positive_class", "bad");
    }
}
