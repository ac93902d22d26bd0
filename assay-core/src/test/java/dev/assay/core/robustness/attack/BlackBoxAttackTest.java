package dev.assay.core.robustness.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Square and HopSkipJump on a model that only says whether {@code x > 5}: the smallest flipping change of a row is
 * {@code |x − 5|}, so a row survives budget eps (in standard deviations {@code s}) iff {@code |x − 5| > eps · s}.
 */
class BlackBoxAttackTest {
    private static final double[] X = {0.5, 1, 2, 3, 4, 4.6, 6, 7, 8, 9.5};
    private static final Frame ROWS = Frame.of(NumericColumn.of("x", X),
            CategoricalColumn.of("y", "no", "no", "no", "no", "no", "no", "yes", "yes", "yes", "yes"));
    private static final double[] EPS = {0.05, 0.2, 0.5, 0.8, 1.2};

    /** yes when x > 5, without probabilities. */
    private static final class Threshold implements Model {
        @Override
        public ModelInfo info() {
            return new ModelInfo("threshold", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))), new ModelCapabilities(false, false, true, 1000),
                    Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            NumericColumn x = (NumericColumn) features.column("x");
            int[] predicted = new int[x.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = x.get(i) > 5 ? 1 : 0;
            }
            return new ClassPredictions(List.of("no", "yes"), predicted, null);
        }
    }

    private static AdversarialResult attack(AttackSettings.Method method, AttackSettings.Norm norm, long seed) {
        AttackSpace space = new AttackSpace(ROWS, PerturbationTarget.of(ROWS, List.of("x"), Constraints.NONE), false, false);
        boolean[] truth = new boolean[X.length];
        for (int i = 0; i < X.length; i++) {
            truth[i] = X[i] > 5;
        }
        AttackSettings s = new AttackSettings(method, norm, EPS, 20, Double.NaN, false, false, seed);
        return AdversarialEvaluation.run(space, truth, new ScoreOracle(new Threshold(), ROWS.column("y"), "yes", 0.5), s);
    }

    private static int[] analyticSurvivors() {
        AttackSpace space = new AttackSpace(ROWS, PerturbationTarget.of(ROWS, List.of("x"), Constraints.NONE), false, false);
        int[] out = new int[EPS.length];
        for (double x : X) {
            for (int e = 0; e < EPS.length; e++) {
                out[e] += Math.abs(x - 5) > EPS[e] * space.scale(0) ? 1 : 0;
            }
        }
        return out;
    }

    @Test
    void squareAndHopSkipJumpFindTheAnalyticRobustAccuracyUnderBothNorms() {
        int[] expected = analyticSurvivors();
        assertThat(expected).containsExactly(10, 9, 7, 5, 3); // |x - 5| / s with s = 3.0318 (ddof 1)
        for (AttackSettings.Method m : List.of(AttackSettings.Method.SQUARE, AttackSettings.Method.HSJ)) {
            for (AttackSettings.Norm norm : AttackSettings.Norm.values()) {
                AdversarialResult r = attack(m, norm, 3);
                for (int e = 0; e < EPS.length; e++) {
                    assertThat(r.results().get(e).robustCorrect()).as("%s %s eps %s", m, norm, EPS[e]).isEqualTo(expected[e]);
                }
                assertThat(r.gradientSource()).isEqualTo("none");
            }
        }
    }

    @Test
    void hopSkipJumpFindsTheSmallestChangeAndTheSameSeedGivesTheSameResult() {
        AdversarialResult r = attack(AttackSettings.Method.HSJ, AttackSettings.Norm.L2, 5);
        AttackSpace space = new AttackSpace(ROWS, PerturbationTarget.of(ROWS, List.of("x"), Constraints.NONE), false, false);
        double[] smallest = r.smallest();
        for (int i = 0; i < X.length; i++) {
            double truth = Math.abs(X[i] - 5) / space.scale(0);
            assertThat(smallest[i]).as("row %d", i).isBetween(truth, truth * 1.002);
        }
        // stretched to the budget: the fooled rows at eps 1.2 moved by exactly 1.2 standard deviations
        EpsilonResult widest = r.results().get(EPS.length - 1);
        NumericColumn found = (NumericColumn) widest.adversarial().column("x");
        for (int a = 0; a < widest.rowIndex().length; a++) {
            assertThat(Math.abs(found.get(a) - X[widest.rowIndex()[a]])).isCloseTo(1.2 * space.scale(0),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(r.meanMinimalPerturbation()).isCloseTo(java.util.Arrays.stream(smallest).filter(v -> v <= 1.2).average()
                .orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
        AdversarialResult again = attack(AttackSettings.Method.HSJ, AttackSettings.Norm.L2, 5);
        assertThat(again.calls()).isEqualTo(r.calls());
        assertThat(again.smallest()).containsExactly(smallest);
        assertThat(attack(AttackSettings.Method.SQUARE, AttackSettings.Norm.L2, 5).smallest()).containsOnly(Double.NaN);
    }

    @Test
    void squareFollowsThePaperSchedule() {
        assertThat(Square.p(0.8, 0, 10_000)).isEqualTo(0.8);
        assertThat(Square.p(0.8, 10, 10_000)).isEqualTo(0.8);
        assertThat(Square.p(0.8, 11, 10_000)).isEqualTo(0.4);
        assertThat(Square.p(0.8, 201, 10_000)).isEqualTo(0.1);
        assertThat(Square.p(0.8, 9_999, 10_000)).isEqualTo(0.8 / 512);
        // rescaled: iteration 1 of 100 is iteration 100 of 10,000
        assertThat(Square.p(0.8, 1, 100)).isEqualTo(0.2);
    }

    @Test
    void theNewMethodsAreNamedInReports() {
        AttackSettings square = new AttackSettings(AttackSettings.Method.SQUARE, AttackSettings.Norm.L2, EPS, 100, Double.NaN, false,
                true, 1);
        assertThat(square.describe(5)).containsEntry("attack", "square").containsEntry("p_init", "0.8000");
        AttackSettings hsj = new AttackSettings(AttackSettings.Method.HSJ, AttackSettings.Norm.LINF, EPS, 20, Double.NaN, false,
                true, 1);
        assertThat(hsj.describe(5)).containsEntry("attack", "hsj").doesNotContainKey("step_size");
    }
}
