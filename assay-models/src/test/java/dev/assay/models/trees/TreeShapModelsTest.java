package dev.assay.models.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.ExactShapley;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.KernelShap;
import dev.assay.core.explain.KernelShapSettings;
import dev.assay.core.explain.Link;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.RowExplanation;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.explain.tree.TreeShap;
import dev.assay.core.model.ClassPredictions;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.training.ExampleData;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP on the bundled German credit forest (10 Tribuo trees, and the same forest as ONNX): the ensemble
 * read from the model reproduces its probabilities; interventional TreeSHAP equals brute-force Shapley values
 * of the model itself under the same background; KernelSHAP agrees within its errors; both algorithms are
 * additive; the Tribuo and ONNX readings give the same values.
 */
class TreeShapModelsTest {
    private static final Path MODELS = ExampleData.repositoryRoot().resolve("examples/models");
    private static final Frame DATA = ExampleData.germanCredit(ExampleData.repositoryRoot()).read();

    private static TribuoModel tribuo() {
        return TribuoModel.load(MODELS.resolve("german_credit_forest.tribuo.gz"));
    }

    @Test
    void theEnsembleReproducesTheModelsProbabilities() {
        try (TribuoModel model = tribuo(); OnnxModel onnx = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"))) {
            TreeEnsemble trees = model.trees().orElseThrow();
            TreeEnsemble onnxTrees = onnx.trees().orElseThrow();
            assertThat(trees.outputs()).isEqualTo(model.info().classes()).isEqualTo(onnxTrees.outputs());
            ClassPredictions p = (ClassPredictions) model.predict(DATA);
            double[] x = trees.inputs(DATA);
            int width = trees.mapping().width();
            for (int r = 0; r < DATA.rowCount(); r++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(trees.raw(x, r * width, k)).isCloseTo(p.probability(r, k), within(1e-12));
                    assertThat(onnxTrees.raw(x, r * width, k)).isCloseTo(p.probability(r, k), within(1e-6));
                }
            }
        }
    }

    @Test
    void interventionalEqualsExactShapleyOfTheModel() {
        List<String> columns = DATA.columnNames().stream().filter(c -> !c.equals("class")).toList();
        List<String> varying = columns.subList(0, 10);
        Frame data = fixAllBut(DATA, columns, varying);
        Frame rows = data.slice(new int[] {0, 1, 2, 3});
        Background background = Background.sample(data, 25, 4);
        try (TribuoModel model = tribuo()) {
            Explanation tree = TreeShap.explain(model.trees().orElseThrow(), rows, background);
            Explanation exact = ExactShapley.explain(ModelOutput.of(model, null), rows, background, Feature.each(varying),
                    Link.IDENTITY, 100_000);
            for (int r = 0; r < rows.rowCount(); r++) {
                RowExplanation t = tree.rows().get(r);
                RowExplanation e = exact.rows().get(r);
                assertThat(t.base()).isCloseTo(e.base(), within(1e-9));
                assertThat(t.output()).isCloseTo(e.output(), within(1e-9));
                for (int f = 0; f < columns.size(); f++) {
                    int at = varying.indexOf(columns.get(f));
                    double expected = at < 0 ? 0 : e.values()[at];
                    assertThat(t.values()[tree.features().indexOf(columns.get(f))]).as(columns.get(f))
                            .isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void kernelShapAgreesWithinItsStatedError() {
        Frame rows = DATA.slice(new int[] {10});
        Background background = Background.sample(DATA, 20, 8);
        try (TribuoModel model = tribuo()) {
            Explanation tree = TreeShap.explain(model.trees().orElseThrow(), rows, background);
            List<String> features = tree.features();
            Explanation kernel = KernelShap.explain(ModelOutput.of(model, null), rows, background, Feature.each(features),
                    KernelShapSettings.defaults().withSamples(1000).withSeed(3));
            for (int r = 0; r < rows.rowCount(); r++) {
                for (int f = 0; f < features.size(); f++) {
                    double error = kernel.rows().get(r).errors()[f];
                    assertThat(tree.rows().get(r).values()[f]).as(features.get(f))
                            .isCloseTo(kernel.rows().get(r).values()[f], within(4 * error + 1e-9));
                }
            }
        }
    }

    @Test
    void bothAlgorithmsAreAdditiveAndTribuoAndOnnxAgree() {
        Frame rows = DATA.slice(IntStream.range(0, 50).toArray());
        Frame reference = DATA.slice(IntStream.range(500, 1000).toArray());
        double[] ones = new double[reference.rowCount()];
        java.util.Arrays.fill(ones, 1);
        try (TribuoModel model = tribuo(); OnnxModel onnx = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"))) {
            TreeEnsemble a = model.trees().orElseThrow().withCovers(reference, ones);
            TreeEnsemble b = onnx.trees().orElseThrow().withCovers(reference, ones);
            Explanation pathA = TreeShap.explain(a, rows, null);
            Explanation pathB = TreeShap.explain(b, rows, null);
            Background background = Background.sample(reference, 50, 1);
            Explanation intA = TreeShap.explain(a, rows, background);
            Explanation intB = TreeShap.explain(b, rows, background);
            for (int r = 0; r < rows.rowCount(); r++) {
                for (Explanation[] pair : new Explanation[][] {{pathA, pathB}, {intA, intB}}) {
                    RowExplanation x = pair[0].rows().get(r);
                    RowExplanation y = pair[1].rows().get(r);
                    assertThat(x.base() + x.sum()).isCloseTo(x.output(), within(1e-9));
                    assertThat(y.base() + y.sum()).isCloseTo(y.output(), within(1e-9));
                    assertThat(x.values()).containsExactly(y.values(), within(1e-6));
                }
            }
            assertThat(pathA.method()).isEqualTo("tree_shap_path_dependent");
        }
    }

    /** The frame with every column of {@code all} outside {@code varying} set to its value in row 0. */
    private static Frame fixAllBut(Frame frame, List<String> all, List<String> varying) {
        int[] first = new int[frame.rowCount()];
        List<Column> columns = new ArrayList<>();
        for (String c : all) {
            columns.add(varying.contains(c) ? frame.column(c) : frame.column(c).slice(first));
        }
        return Frame.of(frame.source(), columns);
    }
}
