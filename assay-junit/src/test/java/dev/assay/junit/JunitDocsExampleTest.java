package dev.assay.junit;

import static dev.assay.junit.Assay.assertThatModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first example of docs/junit.md, line for line, so that it keeps compiling and passing. */
@ExtendWith(AssayExtension.class)
class JunitDocsExampleTest {

    @Test
    void releaseGate(@AssayModel("examples/models/german_credit_logistic.onnx") Model model,
                     @AssayData("examples/german-credit/test.csv") Frame test) throws Exception {
        // --- docs example starts
        assertThatModel(model).on(test).withPositiveClass("bad")
            .hasMetric("roc_auc").atLeast(0.70)
            .hasMetric("recall").withLowerBound().atLeast(0.15)        // recall.lower >= 0.15
            .onSlice("personal_status=female div/dep/mar").hasMetric("recall").atLeast(0.40)
            .onAllRows()
            .hasNoFairnessGap("demographic_parity_difference").over("personal_status").atMost(0.15)
            .isRobustTo("gaussian_noise").with("sigma", 0.1).flipRateAtMost(0.2);
        // --- docs example ends
        String docs = Files.readString(ProjectPaths.resolve("docs/junit.md"));
        assertThat(docs).contains(".hasMetric(\"recall\").withLowerBound().atLeast(0.15)        // recall.lower >= 0.15",
                ".isRobustTo(\"gaussian_noise\").with(\"sigma\", 0.1).flipRateAtMost(0.2);");
    }
}
