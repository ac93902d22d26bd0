package dev.assay.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExampleModelsAgreementTest {

    @ParameterizedTest
    @CsvSource({"german_credit,german_credit_logistic", "german_credit,german_credit_forest", "adult,adult_logistic",
            "adult,adult_forest"})
    void onnxAndTribuoAgreeOnEveryHeldOutRow(String dataName, String modelName) {
        Path root = ExampleData.repositoryRoot();
        ExampleData data = dataName.equals("adult") ? ExampleData.adult(root) : ExampleData.germanCredit(root);
        Frame frame = data.read();
        Frame test = frame.slice(ExampleData.split(frame.rowCount(), false));
        Path models = root.resolve("examples/models");
        try (OnnxModel onnx = OnnxModel.load(models.resolve(modelName + ".onnx"));
                TribuoModel tribuo = TribuoModel.load(models.resolve(modelName + ".tribuo.gz"))) {
            ClassPredictions a = (ClassPredictions) onnx.predict(test);
            ClassPredictions b = (ClassPredictions) tribuo.predict(test);
            assertThat(a.classes()).isEqualTo(b.classes());
            assertThat(a.rows()).isEqualTo(test.rowCount());
            double maxDiff = 0;
            for (int i = 0; i < a.probabilities().length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(a.probabilities()[i] - b.probabilities()[i]));
            }
            assertThat(maxDiff).as("largest probability difference of %s", modelName).isLessThan(1e-6);
            assertThat(a.predicted()).isEqualTo(b.predicted());
        }
    }
}
