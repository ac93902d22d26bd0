package dev.assay.core.privacy.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.progress.Progress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input rules of {@link MembershipInference}, with a model that answers from one numeric column. */
class MembershipInferenceTest {
    private static final double[] TARGETS = {0.01, 0.001};

    /** p(yes) = x; with or without probabilities. */
    private record Fixed(boolean probabilities) implements Model {
        @Override
        public ModelInfo info() {
            return new ModelInfo("fixed", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))),
                    new ModelCapabilities(probabilities, false, true, 100), Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            NumericColumn x = (NumericColumn) features.column("x");
            double[] p = new double[2 * x.size()];
            for (int i = 0; i < x.size(); i++) {
                p[2 * i + 1] = x.get(i);
                p[2 * i] = 1 - x.get(i);
            }
            ClassPredictions c = ClassPredictions.mostProbable(List.of("no", "yes"), p);
            return probabilities ? c : new ClassPredictions(c.classes(), c.predicted(), null);
        }
    }

    private static Frame frame(String source, double[] x, String... label) {
        return Frame.of(source, List.of(NumericColumn.of("x", x), CategoricalColumn.of("y", label)));
    }

    @Test
    void membersPredictedSurelyAreFound() {
        Frame train = frame("train.csv", new double[] {0.99, 0.01, 0.98, 0.02}, "yes", "no", "yes", "no");
        Frame test = frame("test.csv", new double[] {0.6, 0.4, 0.3, 0.7}, "yes", "no", "yes", "no");
        List<AttackResult> r = new MembershipInference(new Fixed(true), "y").run(train, test, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE);
        assertThat(r.get(0).auc()).isEqualTo(1.0);
        assertThat(r.get(0).advantage()).isEqualTo(1.0);
    }

    @Test
    void refusesAModelWithoutProbabilitiesAndSaysWhatIsNeeded() {
        Frame train = frame("train.csv", new double[] {0.9, 0.1}, "yes", "no");
        assertThatThrownBy(() -> new MembershipInference(new Fixed(false), "y").run(train, train, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gives no class probabilities").hasMessageContaining("classifier that outputs probabilities");
    }

    @Test
    void refusesMissingLabelsAndUnknownClassesNamingTheRow() {
        Frame train = frame("train.csv", new double[] {0.9, 0.1}, "yes", "no");
        Frame missing = frame("test.csv", new double[] {0.9, 0.1}, "yes", null);
        assertThatThrownBy(() -> new MembershipInference(new Fixed(true), "y").run(train, missing, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE))
                .hasMessageContaining("test.csv").hasMessageContaining("row 2").hasMessageContaining("is missing");
        Frame unknown = frame("test.csv", new double[] {0.9, 0.1}, "yes", "maybe");
        assertThatThrownBy(() -> new MembershipInference(new Fixed(true), "y").run(train, unknown, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE))
                .hasMessageContaining("row 2").hasMessageContaining("'maybe' is not one of the model's classes");
    }

    @Test
    void refusesEmptyDataAndASingleClass() {
        Frame train = frame("train.csv", new double[] {0.9, 0.8}, "yes", "yes");
        assertThatThrownBy(() -> new MembershipInference(new Fixed(true), "y").run(train, train, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE)).hasMessageContaining("one class only ([yes])");
        Frame empty = frame("test.csv", new double[0]);
        assertThatThrownBy(() -> new MembershipInference(new Fixed(true), "y").run(train, empty, List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE)).hasMessageContaining("test.csv has no rows");
    }
}
