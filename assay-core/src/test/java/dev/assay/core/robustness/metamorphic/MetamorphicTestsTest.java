package dev.assay.core.robustness.metamorphic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** INV, DIR and MFT on a hand-written model whose answers are known, so every count is checked by hand. */
class MetamorphicTestsTest {

    /** P(yes) = x / 10 clipped to [0, 1], plus 0.3 for sex M; yes when P > 0.5 (a tie goes to the first class, as numpy argmax). */
    private static final class Linear implements Model {
        @Override
        public ModelInfo info() {
            return new ModelInfo("linear", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))), new ModelCapabilities(true, false, true, 1000),
                    Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            NumericColumn x = (NumericColumn) features.column("x");
            CategoricalColumn sex = (CategoricalColumn) features.column("sex");
            double[] p = new double[2 * x.size()];
            for (int i = 0; i < x.size(); i++) {
                double v = Math.max(0, Math.min(1, x.get(i) / 10 + ("M".equals(sex.get(i)) ? 0.3 : 0)));
                p[2 * i] = 1 - v;
                p[2 * i + 1] = v;
            }
            return ClassPredictions.mostProbable(List.of("no", "yes"), p);
        }
    }

    // x:   0    1    3    4    6    9    3    5
    // sex: F    M    F    M    F    M    M    F
    private static final Frame ROWS = Frame.of(NumericColumn.of("x", 0, 1, 3, 4, 6, 9, 3, 5),
            CategoricalColumn.of("sex", "F", "M", "F", "M", "F", "M", "M", "F"));

    @Test
    void invarianceToSexCountsTheFlipsOnlyAmongChangedRows() {
        // M → F lowers P(yes) by 0.3: rows x=4 (0.7 → 0.4) and x=3 (0.6 → 0.3) flip; x=1 (0.4 → 0.1) and x=9 (1 → 0.9) do not.
        MetamorphicResult r = MetamorphicTests.inv(new Linear(), ROWS, Transformation.substitution("sex", "M", "F"), 0, 10);
        assertThat(r.tested()).isEqualTo(4);
        assertThat(r.failures()).isEqualTo(2);
        assertThat(r.failRate()).isEqualTo(0.5);
        assertThat(r.failRateInterval(0.95).interval().lower()).isEqualTo(WilsonInterval.of(2, 4, 0.95).interval().lower());
        assertThat(r.examples()).extracting(MetamorphicResult.Failure::change).containsExactly("sex: M → F", "sex: M → F");
        assertThat(r.examples().get(0).scoreBefore()).isCloseTo(0.7, within(1e-12)); // x=4, M: P(yes), its original class
        assertThat(r.examples().get(0).scoreAfter()).isCloseTo(0.4, within(1e-12));
        // a tolerance of 0.3 forgives flips where P(original class) moved by at most 0.3 (both move by exactly 0.3)
        assertThat(MetamorphicTests.inv(new Linear(), ROWS, Transformation.substitution("sex", "M", "F"), 0.31, 10).failures())
                .isZero();
    }

    @Test
    void directionalChangeFailsWhenTheScoreMovesTheWrongWay() {
        Transformation up = Transformation.change("x", Transformation.Operation.ADD, 1);
        // x + 1 raises P(yes) by 0.1 except where it is clipped at 1 (x=9 with M: stays 1); never lowers it
        assertThat(MetamorphicTests.dir(new Linear(), ROWS, up, "yes", MetamorphicTests.Direction.NOT_DECREASE, 0, 10).failures())
                .isZero();
        MetamorphicResult r = MetamorphicTests.dir(new Linear(), ROWS, up, "yes", MetamorphicTests.Direction.NOT_INCREASE, 0, 10);
        assertThat(r.tested()).isEqualTo(8);
        assertThat(r.failures()).isEqualTo(7); // all but x=9 with M, clipped at 1
        assertThat(MetamorphicTests.dir(new Linear(), ROWS, up, "yes", MetamorphicTests.Direction.NOT_INCREASE, 0.1 + 1e-9, 10)
                .failures()).isZero();
    }

    @Test
    void minimumFunctionalityCasesFromCsvText() {
        Frame cases = CaseTable.parse("cases", "x,sex,expected\n9,F,yes\n0,F,no\n\"4\",M,no\n", ROWS, List.of("expected"));
        MetamorphicResult r = MetamorphicTests.mft(new Linear(), cases, cases.column("expected"), 10);
        assertThat(r.tested()).isEqualTo(3);
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.examples().get(0).row()).isEqualTo("case 3");
        assertThat(r.examples().get(0).change()).isEqualTo("x=4, sex=M");
        assertThatThrownBy(() -> CaseTable.parse("cases.csv", "x,sex,expected\nfour,F,yes\n", ROWS, List.of("expected")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cases.csv, line 2").hasMessageContaining("'x'");
        assertThatThrownBy(() -> CaseTable.parse("cases.csv", "x,sex\n1,F\n", ROWS, List.of("expected")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column 'expected'");
    }

    @Test
    void aChangeThatAltersNoRowTestsNothing() {
        MetamorphicResult r = MetamorphicTests.inv(new Linear(), ROWS, Transformation.substitution("sex", "X", "F"), 0, 10);
        assertThat(r.tested()).isZero();
        assertThat(r.failRate()).isNaN();
        assertThatThrownBy(() -> Transformation.change("sex", Transformation.Operation.ADD, 1).apply(ROWS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("substitution");
    }
}
