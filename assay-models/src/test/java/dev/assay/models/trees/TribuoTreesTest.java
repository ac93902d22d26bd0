package dev.assay.models.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.explain.tree.TreeShap;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ValuePredictions;
import dev.assay.models.training.ExampleData;
import dev.assay.models.tribuo.TribuoFeatures;
import dev.assay.models.tribuo.TribuoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** Tribuo regression trees read as trees reproduce the model; a model without trees gives none. */
class TribuoTreesTest {

    @Test
    void aRegressionTreeReproducesTheModelAndIsExplainedAdditively() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 300;
        double[][] x = new double[3][n];
        List<Regressor> y = new ArrayList<>();
        double[] inputs = new double[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[j][i] = random.nextInt(20) - 5;
                inputs[i * 3 + j] = x[j][i];
            }
            y.add(new Regressor("y", x[0][i] * x[1][i] + 3 * x[2][i] + random.nextGaussian()));
        }
        RegressionFactory factory = new RegressionFactory();
        String[] names = {"a", "b", "c"};
        ListDataSource<Regressor> source = new ListDataSource<>(TribuoFeatures.examples(y, names, inputs, n, 3), factory,
                new SimpleDataSourceProvenance("synthetic", factory));
        Frame frame = Frame.of("synthetic", List.of(NumericColumn.wrap("a", x[0]), NumericColumn.wrap("b", x[1]),
                NumericColumn.wrap("c", x[2])));
        TribuoModel model = TribuoModel.of("tree", new CARTRegressionTrainer(5).train(new MutableDataset<>(source)),
                FeatureMapping.numeric(List.of(names)));
        TreeEnsemble trees = model.trees().orElseThrow();
        double[] expected = ((ValuePredictions) model.predict(frame)).values();
        double[] in = trees.inputs(frame);
        for (int r = 0; r < n; r++) {
            assertThat(trees.raw(in, 3 * r, 0)).isCloseTo(expected[r], within(1e-12));
        }
        Explanation e = TreeShap.explain(trees, frame.slice(new int[] {0, 1, 2}), Background.sample(frame, 40, 2));
        e.rows().forEach(row -> assertThat(row.base() + row.sum()).isCloseTo(row.output(), within(1e-9)));
        assertThat(java.util.Arrays.stream(e.rows().get(0).values()).map(Math::abs).max().orElseThrow()).isGreaterThan(0.1);
    }

    @Test
    void aLogisticRegressionHasNoTrees() {
        try (TribuoModel model = TribuoModel.load(ExampleData.repositoryRoot().resolve("examples/models/german_credit_logistic.tribuo.gz"))) {
            assertThat(model.trees()).isEmpty();
        }
    }
}
