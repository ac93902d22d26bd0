package dev.assay.core.robustness.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationSettings;
import dev.assay.core.robustness.PerturbationTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector on a threshold model: rows at the boundary are flagged, rows far from it never are. */
class NoiseDetectorTest {

    /** yes when x > 5. */
    private static final class Threshold implements Model {
        int calls;

        @Override
        public ModelInfo info() {
            return new ModelInfo("threshold", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))), new ModelCapabilities(false, false, true, 1000),
                    Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            calls++;
            NumericColumn x = (NumericColumn) features.column("x");
            int[] predicted = new int[x.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = x.get(i) > 5 ? 1 : 0;
            }
            return new ClassPredictions(List.of("no", "yes"), predicted, null);
        }
    }

    // std of the clean x is about 4.1, so sigma 0.1 gives noise of sd 0.41: clean rows are at least 3 (7 sd) from 5
    private static final Frame CLEAN = Frame.of(NumericColumn.of("x", 0.5, 1, 1.5, 2, 8, 8.5, 9, 9.5, 10, 0));
    private static final Frame ADVERSARIAL = Frame.of(NumericColumn.of("x", 5.001, 4.999, 5.0, 9.5));

    private static NoiseDetector detector(Threshold model, double sigma) {
        Perturbation noise = PerturbationCatalog.create("gaussian_noise", PerturbationSettings.of(Map.of("sigma", sigma)));
        return new NoiseDetector(model, noise, PerturbationTarget.of(CLEAN, List.of("x"), Constraints.NONE), 20, 0.2, 11);
    }

    @Test
    void boundaryRowsAreFlaggedAndDistantRowsAreNot() {
        Threshold model = new Threshold();
        NoiseDetector d = detector(model, 0.1);
        NoiseDetector.Detection adversarial = d.detect(ADVERSARIAL);
        assertThat(adversarial.flagged()).containsExactly(true, true, true, false);
        assertThat(adversarial.changed()[3]).isZero();
        // each boundary row changes class in about half of the 20 copies, far above the share of 0.2 (4 copies)
        for (int i = 0; i < 3; i++) {
            assertThat(adversarial.changed()[i]).isBetween(5, 15);
        }
        assertThat(model.calls).isEqualTo(21);
        NoiseDetector.Detection clean = d.detect(CLEAN);
        assertThat(clean.flaggedCount()).isZero();
        assertThat(clean.changed()).containsOnly(0);
    }

    @Test
    void withoutNoiseNothingIsFlaggedAndTheSameSeedGivesTheSameCounts() {
        assertThat(detector(new Threshold(), 0).detect(ADVERSARIAL).flaggedCount()).isZero();
        assertThat(detector(new Threshold(), 0.1).detect(ADVERSARIAL).changed())
                .containsExactly(detector(new Threshold(), 0.1).detect(ADVERSARIAL).changed());
        assertThat(detector(new Threshold(), 0.1).detect(CLEAN.slice(new int[0])).flagged()).isEmpty();
    }
}
