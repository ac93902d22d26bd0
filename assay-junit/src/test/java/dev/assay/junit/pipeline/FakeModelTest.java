package dev.assay.junit.pipeline;

import static dev.assay.junit.Assay.assertThatModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.model.ClassPredictions;
import dev.assay.junit.AssayData;
import dev.assay.junit.AssayExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake models isolate the assertions from a real model: known predictions give known metrics. */
@ExtendWith(AssayExtension.class)
class FakeModelTest {
    private static final List<String> CLASSES = List.of("good", "bad");

    @Test
    void oracleIsPerfectAndPredictsOncePerChain(@AssayData("examples/german-credit/test.csv") Frame test) {
        FakeModel oracle = FakeModel.oracle("class", CLASSES);
        assertThatModel(oracle).on(test).withLabel("class").withPositiveClass("bad")
                .hasMetric("recall").atLeast(1.0)
                .hasMetric("precision").atLeast(1.0)
                .hasMetric("roc_auc").between(1.0, 1.0);
        assertThat(oracle.calls()).isEqualTo(1);
        assertThat(oracle.rowsPredicted()).isEqualTo(300);
    }

    @Test
    void constantModelFlagsNobody(@AssayData("examples/german-credit/test.csv") Frame test) {
        FakeModel never = FakeModel.constant(CLASSES, 0.1);
        assertThatThrownBy(() -> assertThatModel(never).on(test).withLabel("class").withPositiveClass("bad")
                .withGroups("foreign_worker").hasMetric("recall").atLeast(0.1))
                .hasMessageStartingWith("Expecting recall on test.csv: measured 0.000 (")
                .hasMessageContaining("n=300) to be at least 0.1; worst group: foreign_worker=");
        assertThat(never.predict(test)).isInstanceOfSatisfying(ClassPredictions.class,
                p -> assertThat(p.probability(0, 1)).isEqualTo(0.1));
    }

    @Test
    void scoreFromColumnIsClamped() {
        Frame f = Frame.of(NumericColumn.of("s", -1, 0.25, 2));
        ClassPredictions p = (ClassPredictions) FakeModel.scoreFrom("s", CLASSES).predict(f);
        assertThat(new double[] {p.probability(0, 1), p.probability(1, 1), p.probability(2, 1)}).containsExactly(0, 0.25, 1);
        assertThatThrownBy(() -> FakeModel.constant(List.of("a"), 0.5)).hasMessageContaining("give two classes");
        assertThatThrownBy(() -> FakeModel.constant(CLASSES, 1.5)).hasMessageContaining("between 0 and 1");
    }
}
