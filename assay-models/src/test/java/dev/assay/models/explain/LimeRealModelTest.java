package dev.assay.models.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.RowExplanation;
import dev.assay.core.explain.lime.LimeExplanation;
import dev.assay.core.explain.lime.LimeSettings;
import dev.assay.core.explain.lime.Lime;
import dev.assay.core.explain.lime.LocalFit;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.training.ExampleData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LIME on the bundled German credit random forest (ONNX): the local fit quality of each explained row is reported. */
class LimeRealModelTest {

    @Test
    void localFitsOfTheGermanCreditForestAreReported() {
        Path root = ExampleData.repositoryRoot();
        Frame all = ExampleData.germanCredit(root).read();
        Frame training = all.slice(ExampleData.split(all.rowCount(), true));
        Frame test = all.slice(ExampleData.split(all.rowCount(), false));
        Frame rows = test.slice(IntStream.range(0, 10).toArray());
        try (OnnxModel model = OnnxModel.load(root.resolve("examples/models/german_credit_forest.onnx"))) {
            List<String> columns = model.info().features().features().stream().map(f -> f.column()).distinct().toList();
            LimeExplanation e = Lime.fit(ModelOutput.of(model, "bad"), rows, training, columns, LimeSettings.defaults().withSeed(1));
            assertThat(e.fits()).hasSize(10);
            for (LocalFit f : e.fits()) {
                assertThat(f.score()).isBetween(0.0, 1.0);
                assertThat(f.selected()).hasSize(Math.min(10, columns.size()));
                assertThat(f.modelOutput()).isBetween(0.0, 1.0);
            }
            for (RowExplanation r : e.explanation().rows()) {
                assertThat(r.base() + r.sum()).isCloseTo(r.output(), within(1e-9));
                assertThat(Arrays.stream(r.values()).filter(v -> v != 0).count()).isEqualTo(Math.min(10, columns.size()));
            }
            // measured with seed 1: mean local R^2 0.263 (0.077 to 0.518)
            assertThat(e.meanScore()).isBetween(0.15, 0.4);
        }
    }
}
