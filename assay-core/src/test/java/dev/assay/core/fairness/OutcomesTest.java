package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    private final Frame frame = Frame.of("loans.csv", java.util.List.of(CategoricalColumn.of("g", "x", "x", "y", "y", "y"),
            CategoricalColumn.of("label", "a", "b", "c", "a", "b"), CategoricalColumn.of("pred", "a", "c", "c", "b", "b")));

    @Test
    void oneVsRestCountsEachClassAsTheBinaryTaskWithThatPositiveClass() {
        Groups groups = Groups.of(frame, "g");
        Map<String, GroupCounts> ovr = Outcomes.oneVsRest(frame, "label", "pred", groups);
        assertThat(ovr).containsOnlyKeys("a", "b", "c");
        for (String c : ovr.keySet()) {
            GroupCounts binary = Outcomes.binary(frame, "label", "pred", c, groups);
            for (int g = 0; g < groups.groupCount(); g++) {
                assertThat(ovr.get(c).confusion(g)).containsExactly(binary.confusion(g));
            }
        }
        // class a, group y: one actual a (predicted b) -> TPR 0
        assertThat(ovr.get("a").rate(RateKind.TPR, groups.find("y")).value()).isEqualTo(0.0);
        assertThat(ovr.get("a").rate(RateKind.PPV, groups.find("y")).undefinedReason())
                .isEqualTo("nothing in the group is predicted positive (TP + FP = 0)");
    }

    @Test
    void probabilitiesWhereClassesWereExpectedAskForAThreshold() {
        Frame f = frame.withColumn(NumericColumn.of("proba", 0.2, 0.9, 0.4, 1, 0));
        assertThatThrownBy(() -> Outcomes.binary(f, "label", "proba", "a", Groups.of(f, "g")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'proba' holds probabilities (0.2")
                .hasMessageContaining("give a threshold");
        assertThatThrownBy(() -> Outcomes.binary(frame, "label", "pred", "z", Groups.of(frame, "g")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'z' occurs in neither");
    }

    @Test
    void multipleTestingMatchesHandWorkedValues() {
        double[] p = {0.01, 0.04, 0.03, 0.2};
        assertThat(MultipleTesting.HOLM.adjust(p)).containsExactly(0.04, 0.09, 0.09, 0.2);
        assertThat(MultipleTesting.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(0.04, 0.05333333333333334, 0.05333333333333334, 0.2);
    }
}
