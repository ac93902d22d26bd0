package dev.assay.core.robustness.edge;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of a small data set on a model that throws, returns NaN and returns a probability above 1. */
class EdgeCasesTest {

    /** Throws for x below 0.5 or an unseen sex; NaN for a missing x; P(yes) = 1.5 above x = 10; else x / 10. */
    private static final class Fragile implements Model {
        int calls;

        @Override
        public ModelInfo info() {
            return new ModelInfo("fragile", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))), new ModelCapabilities(true, false, true, 1000),
                    Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            calls++;
            NumericColumn x = (NumericColumn) features.column("x");
            CategoricalColumn sex = (CategoricalColumn) features.column("sex");
            double[] p = new double[2 * x.size()];
            for (int i = 0; i < x.size(); i++) {
                if (x.get(i) < 0.5 || EdgeCases.UNSEEN.equals(sex.get(i))) {
                    throw new IllegalStateException("cannot score x=" + x.get(i) + ", sex=" + sex.get(i));
                }
                double v = Double.isNaN(x.get(i)) ? Double.NaN : x.get(i) > 10 ? 1.5 : x.get(i) / 10;
                p[2 * i] = Double.isNaN(v) ? Double.NaN : 1 - Math.min(v, 1);
                p[2 * i + 1] = v;
            }
            return new ClassPredictions(List.of("no", "yes"), new int[x.size()], p);
        }
    }

    private static final Frame DATA = Frame.of(NumericColumn.of("x", 1, 4, 10, 7, 2),
            CategoricalColumn.of("sex", "M", "F", "M", "M", "M"), CategoricalColumn.of("label", "no", "yes", "no", "no", "yes"));

    @Test
    void casesFollowTheRangesAndLevelsOfTheData() {
        EdgeCases cases = EdgeCases.of(DATA, List.of("x", "sex"));
        assertThat(cases.descriptions()).containsExactly("x = min (1)", "x = max (10)", "x = just below min (0)",
                "x = just above max (11)", "x = zero (0)", "x = missing", "sex = rarest category ('F')",
                "sex = unseen category ('(unseen category)')", "sex = empty string ('')", "sex = missing", "all inputs missing");
        NumericColumn x = (NumericColumn) cases.rows().column("x");
        assertThat(x.get(6)).isEqualTo(4); // the median of 1, 2, 4, 7, 10
        assertThat(cases.rows().column("sex").format(0)).isEqualTo("M");
        assertThat(cases.rows().column("label").format(10)).isEqualTo("no"); // not an input: stays typical
        assertThat(cases.rows().column("sex").isMissing(10)).isTrue();
    }

    @Test
    void throwingRowsAreFoundByBisectionAndTheOthersStillScored() {
        EdgeCases cases = EdgeCases.of(DATA, List.of("x", "sex"));
        Fragile model = new Fragile();
        EdgeCaseRun run = EdgeCaseRun.of(model, cases.rows(), 4);
        assertThat(run.count(EdgeCaseRun.Kind.CRASH)).isEqualTo(3); // just below min, zero, unseen sex
        assertThat(run.count(EdgeCaseRun.Kind.NON_FINITE)).isEqualTo(2); // x missing, all missing
        assertThat(run.count(EdgeCaseRun.Kind.OUT_OF_RANGE)).isEqualTo(1); // just above max
        assertThat(run.findings()).extracting(EdgeCaseRun.Finding::row).containsExactly(2, 3, 4, 5, 7, 10);
        assertThat(run.findings().get(0).detail()).startsWith("IllegalStateException: cannot score x=0.0");
        assertThat(run.calls()).isEqualTo(model.calls);
        // [0,4) throws: [0,2) passes, [2,4) throws: [2,3), [3,4) (5 calls); [4,8) throws: [4,6) and [6,8) both
        // throw and split into single rows (7 calls); [8,11) passes (1 call)
        assertThat(run.calls()).isEqualTo(13);
        assertThat(EdgeCaseRun.of(new Fragile(), cases.rows(), 1).findings()).isEqualTo(run.findings());
    }

    @Test
    void emptyDataAndUnknownColumnsAreRefused() {
        assertThatThrownBy(() -> EdgeCases.of(DATA.slice(new int[0]), List.of("x"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> EdgeCases.of(DATA, List.of("y"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("y");
    }
}
