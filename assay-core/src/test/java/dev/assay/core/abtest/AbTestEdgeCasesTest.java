package dev.assay.core.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Degenerate data and bad input: constant arms, zero control means, undefined looks, decisions, messages. */
class AbTestEdgeCasesTest {

    @Test
    void constantArmsGiveNoEvidenceOrCertainty() {
        MeanComparison none = TwoProportionZTest.compare(new double[] {0, 0, 0}, new double[] {0, 0}, 0.05);
        assertThat(none.statistic()).isZero();
        assertThat(none.pValue()).isEqualTo(1);
        assertThat(none.relative().value()).isNaN();
        MeanComparison same = WelchTTest.compare(new double[] {2, 2}, new double[] {2, 2, 2}, 0.05);
        assertThat(same.pValue()).isEqualTo(1);
        assertThat(same.ciLow()).isEqualTo(0);
        MeanComparison apart = WelchTTest.compare(new double[] {3, 3}, new double[] {2, 2, 2}, 0.05);
        assertThat(apart.pValue()).isZero();
        assertThat(apart.difference()).isEqualTo(1);
        assertThat(apart.relative().value()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void cupedWithAConstantCovariateChangesNothing() {
        double[] y = {1, 4, 2, 8, 5, 7};
        boolean[] treated = {true, false, true, false, true, false};
        Cuped c = Cuped.of(y, new double[] {3, 3, 3, 3, 3, 3}, treated, 0.05);
        assertThat(c.theta()).isZero();
        assertThat(c.varianceReduction()).isEqualTo(0, within(1e-15));
        assertThat(c.adjusted().pValue()).isCloseTo(WelchTTest.compare(new double[] {1, 2, 5}, new double[] {4, 8, 7}, 0.05)
                .pValue(), within(1e-15));
    }

    @Test
    void aLookWithoutVariationKeepsTheSequenceUnchanged() {
        double[] y = {0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0};
        boolean[] treated = {true, false, true, false, true, false, true, false, true, false, true, false};
        int[] look = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        MixtureSprt.Sequence s = MixtureSprt.over(y, treated, look, List.of("a", "b", "c"), 0.01, 0.05);
        MixtureSprt.Look first = s.looks().get(0);
        assertThat(first.pValue()).isEqualTo(1);
        assertThat(first.ciLow()).isInfinite();
        assertThat(s.tauSquared()).isPositive();
        assertThat(s.looks().get(2).pValue()).isLessThanOrEqualTo(s.looks().get(1).pValue());
        assertThatThrownBy(() -> new MixtureSprt(0, 0.05)).hasMessageContaining("tau²");
    }

    @Test
    void sampleRatioFlagsBelowOneInAThousand() {
        assertThat(SampleRatioMismatch.test(new long[] {5000, 5000}, new double[] {1, 1}).pValue()).isEqualTo(1);
        SampleRatioMismatch off = SampleRatioMismatch.test(new long[] {5000, 5200}, new double[] {50, 50});
        assertThat(off.statistic()).isCloseTo(2 * 100.0 * 100 / 5100, within(1e-12));
        assertThat(off.mismatch()).isFalse();
        assertThat(SampleRatioMismatch.test(new long[] {5000, 5400}, new double[] {50, 50}).mismatch()).isTrue();
    }

    @Test
    void decisionsFollowTheirPrecedence() {
        Frame frame = frame(new String[] {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b"},
                new double[] {1, 5, 1.2, 5.1, 0.9, 5.3, 1.1, 4.9, 1, 5}, new double[] {9, 1, 9.5, 1.2, 9.1, 0.8, 8.9, 1.1, 9, 1});
        AbTestData data = AbTestData.from(frame, new AbTestData.Columns("arm", "a", null, List.of("gain", "loss"), null, null,
                false));
        AbTestSettings base = AbTestSettings.defaults();
        assertThat(AbTestAnalysis.run(data, base).decision().outcome()).isEqualTo("mixed");
        AbTestSettings lower = new AbTestSettings(0.05, List.of(50.0, 50.0), Set.of(), Set.of(), Set.of("loss"), 0.01);
        assertThat(AbTestAnalysis.run(data, lower).decision().outcome()).isEqualTo("treatment_better");
        AbTestSettings guard = new AbTestSettings(0.05, List.of(50.0, 50.0), Set.of(), Set.of("loss"), Set.of(), 0.01);
        AbTestResult stopped = AbTestAnalysis.run(data, guard);
        assertThat(stopped.decision().outcome()).isEqualTo("stop_guardrail");
        assertThat(stopped.decision().reason()).contains("loss");
        AbTestSettings skew = new AbTestSettings(0.05, List.of(1.0, 1000.0), Set.of(), Set.of("loss"), Set.of(), 0.01);
        assertThat(AbTestAnalysis.run(data, skew).decision().outcome()).isEqualTo("invalid_sample_ratio");
    }

    @Test
    void badInputIsNamed() {
        Frame frame = frame(new String[] {"a", "a", "a"}, new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertThatThrownBy(() -> AbTestData.from(frame, columns("a", List.of("gain"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds only 'a'").hasMessageContaining("test.csv");
        Frame two = frame(new String[] {"a", "b", "a", "a"}, new double[] {1, 2, 3, Double.NaN}, new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> AbTestData.from(two, columns("a", List.of("gain"))))
                .hasMessageContaining("1 row(s) in test.csv").hasMessageContaining("row 4").hasMessageContaining("'gain'");
        assertThatThrownBy(() -> AbTestData.from(two, new AbTestData.Columns("arm", "a", null, List.of("gain"), null, null, true)))
                .hasMessageContaining("treatment arm 'b'").hasMessageContaining("1 usable row(s)");
        assertThatThrownBy(() -> AbTestData.from(two, columns("a", List.of())))
                .hasMessageContaining("No metric column");
        assertThatThrownBy(() -> AbTestData.from(two, columns("a", List.of("arm")))).hasMessageContaining("must be numeric");
        assertThatThrownBy(() -> AbTestData.from(two, columns("c", List.of("gain")))).hasMessageContaining("control value 'c'");
    }

    private static AbTestData.Columns columns(String control, List<String> metrics) {
        return new AbTestData.Columns("arm", control, null, metrics, null, null, false);
    }

    private static Frame frame(String[] arms, double[] gain, double[] loss) {
        return Frame.of("test.csv", List.of(CategoricalColumn.of("arm", arms), NumericColumn.of("gain", gain),
                NumericColumn.of("loss", loss)));
    }
}
