package dev.assay.models.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationEffect;
import dev.assay.core.robustness.PerturbationEvaluation;
import dev.assay.core.robustness.PerturbationSettings;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.io.DataReader;
import dev.assay.models.tribuo.TribuoFeatures;
import dev.assay.models.tribuo.TribuoModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Image perturbations measured on a real multiclass image classifier: Tribuo multinomial logistic regression over the
 * 64 pixels of the 8x8 digits (resources/image, see its PROVENANCE.md), trained on the first 1,200 images and
 * perturbed on the other 597. A brightness change of 0 must change nothing (the pipeline adds nothing of its own);
 * stronger blur, noise and rotation must cost more accuracy; the drop must equal the accuracy of the model on the
 * perturbed frame computed independently.
 */
class ImageRobustnessTest {
    private static final int TRAIN = 1200;
    private static Frame test;
    private static TribuoModel model;
    private static PerturbationEvaluation evaluation;
    private static PerturbationTarget target;
    private static List<String> pixels;

    @BeforeAll
    static void train() throws URISyntaxException {
        Path file = Path.of(ImageRobustnessTest.class.getResource("/image/digits.csv").toURI());
        Frame all = new DataReader().read(file, "digits").frame();
        pixels = all.columnNames().stream().filter(c -> c.startsWith("p_")).toList();
        Frame train = all.slice(IntStream.range(0, TRAIN).toArray());
        test = all.slice(IntStream.range(TRAIN, all.rowCount()).toArray());
        FeatureMapping mapping = new FeatureMapping(pixels.stream().map(FeatureMapping.Feature::numeric).toList());
        FeatureMapping.Bound bound = mapping.bind(train, "digits");
        double[] inputs = new double[train.rowCount() * bound.width()];
        bound.fill(0, train.rowCount(), inputs);
        List<Label> labels = new ArrayList<>();
        for (int r = 0; r < train.rowCount(); r++) {
            labels.add(new Label(train.column("digit").format(r)));
        }
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> source = new ListDataSource<>(TribuoFeatures.examples(labels, mapping.inputNames().toArray(String[]::new),
                inputs, train.rowCount(), bound.width()), factory, new SimpleDataSourceProvenance("digits, first 1200", factory));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 10, TRAIN + 1, 1, 42L);
        model = TribuoModel.of("digits logistic", (LinearSGDModel) trainer.train(new MutableDataset<>(source)), mapping);
        evaluation = new PerturbationEvaluation(model, test, test.column("digit"), EvaluationSettings.defaults(), "accuracy",
                new IntervalSettings(IntervalMethod.PERCENTILE, 200, 0.95), 7);
        target = PerturbationTarget.of(test, pixels, Constraints.NONE);
    }

    private static Perturbation perturbation(String name, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("image_shape", "8x8");
        return PerturbationCatalog.create(name, PerturbationSettings.of(all));
    }

    private static PerturbationEffect effect(String name, Map<String, Object> settings) {
        return evaluation.measure(perturbation(name, settings), target, 5);
    }

    @Test
    void aMulticlassModelIsMeasuredOnTheTrueClassProbability() {
        assertThat(model.info().task()).isEqualTo(Task.MULTICLASS);
        assertThat(evaluation.task()).isEqualTo(Task.MULTICLASS);
        assertThat(evaluation.positiveClass()).isNull();
        assertThat(evaluation.scoreDescription()).isEqualTo("the probability of each row's true class");
        PerturbationEffect none = effect("brightness", Map.of("delta", 0));
        assertThat(none.changedRows()).isZero();
        assertThat(none.flips().flips()).isZero();
        assertThat(none.drop()).isZero();
        assertThat(none.clean()).isGreaterThan(0.9);
    }

    @Test
    void theDropIsTheAccuracyLostOnThePerturbedImages() {
        Perturbation blur = perturbation("blur", Map.of("sigma", 1.0));
        PerturbationEffect e = evaluation.measure(blur, target, 5);
        Frame blurred = blur.apply(test, target, 7);
        ClassPredictions clean = (ClassPredictions) model.predict(test);
        ClassPredictions after = (ClassPredictions) model.predict(blurred);
        int rightBefore = 0;
        int rightAfter = 0;
        int flips = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            String truth = test.column("digit").format(i);
            rightBefore += clean.classes().get(clean.predicted()[i]).equals(truth) ? 1 : 0;
            rightAfter += after.classes().get(after.predicted()[i]).equals(truth) ? 1 : 0;
            flips += clean.predicted()[i] != after.predicted()[i] ? 1 : 0;
        }
        assertThat(e.clean()).isCloseTo((double) rightBefore / test.rowCount(), within(1e-12));
        assertThat(e.drop()).isCloseTo((double) (rightBefore - rightAfter) / test.rowCount(), within(1e-12));
        assertThat(e.flips().flips()).isEqualTo(flips);
        assertThat(e.dropInterval().interval().lower()).isLessThanOrEqualTo(e.drop());
        assertThat(e.dropInterval().interval().upper()).isGreaterThanOrEqualTo(e.drop());
        assertThat(e.examples()).hasSize(5);
    }

    @Test
    void strongerPerturbationsCostMore() {
        for (String[] pair : new String[][] {{"blur", "sigma", "0.5", "1.5"}, {"image_noise", "sigma", "0.05", "0.4"},
                {"rotation", "degrees", "5", "45"}, {"occlusion", "size", "0.125", "0.5"}, {"contrast", "factor", "0.8", "0.2"}}) {
            PerturbationEffect light = effect(pair[0], Map.of(pair[1], Double.parseDouble(pair[2])));
            PerturbationEffect heavy = effect(pair[0], Map.of(pair[1], Double.parseDouble(pair[3])));
            assertThat(heavy.flips().flips()).as(pair[0]).isGreaterThan(light.flips().flips());
            assertThat(heavy.drop()).as(pair[0]).isGreaterThan(0.02);
            assertThat(heavy.flips().meanChange()).as(pair[0] + " lowers the true class's probability").isNegative();
        }
    }

    @Test
    void perturbedPixelsStayWholeNumbersInTheirRange() {
        Frame noisy = perturbation("image_noise", Map.of("sigma", 0.3)).apply(test, target, 3);
        for (String p : pixels) {
            for (int i = 0; i < test.rowCount(); i++) {
                double v = ((dev.assay.core.data.NumericColumn) noisy.column(p)).get(i);
                assertThat(v).isBetween(0.0, 16.0);
                assertThat(v).isEqualTo(Math.rint(v));
            }
        }
        Frame again = perturbation("image_noise", Map.of("sigma", 0.3)).apply(test, target, 3);
        assertThat(again.column("p_3_4").format(17)).isEqualTo(noisy.column("p_3_4").format(17));
    }

    @Test
    void aShapeThatDoesNotFitTheColumnsIsRefused() {
        Perturbation wrong = PerturbationCatalog.create("blur", PerturbationSettings.of(Map.of("image_shape", "28x28")));
        assertThatThrownBy(() -> wrong.apply(test, target, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("784 values").hasMessageContaining("given 64 columns");
        assertThatThrownBy(() -> PerturbationCatalog.create("blur", PerturbationSettings.of(Map.of())))
                .hasMessageContaining("image_shape");
    }
}
