package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The example of Fairlearn's user guide (docs/user_guide/assessment/perform_fairness_assessment.rst), reproduced exactly. */
class FairlearnExamplesTest {
    private static final int[] Y_TRUE = {0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    private static final int[] Y_PRED = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    private static final String[] SF = {"b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"};
    private static final FairnessSettings FAIRLEARN = FairnessSettings.DEFAULT.withConvention(Convention.FAIRLEARN).withResamples(0);

    static GroupCounts counts() {
        Groups groups = Groups.of(Frame.of(CategoricalColumn.of("sf", SF)), "sf");
        boolean[] t = new boolean[Y_TRUE.length];
        boolean[] p = new boolean[Y_TRUE.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Y_TRUE[i] == 1;
            p[i] = Y_PRED[i] == 1;
        }
        return GroupCounts.count(groups, t, p);
    }

    @Test
    void userGuideDisparities() {
        Disparities d = Disparities.of(counts(), Aggregation.BETWEEN_GROUPS, FAIRLEARN);
        assertThat(d.get("demographic_parity_difference").value()).isCloseTo(0.25, within(1e-15));
        assertThat(d.get("demographic_parity_ratio").value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(d.get("equalized_odds_difference").value()).isEqualTo(1.0);
        assertThat(d.get("equalized_odds_ratio").value()).isEqualTo(0.0);
    }

    @Test
    void metricFrameByGroupAndAggregates() {
        GroupCounts c = counts();
        Groups g = c.groups();
        int a = g.find("a");
        int b = g.find("b");
        int cc = g.find("c");
        assertThat(c.rate(RateKind.TPR, a).value()).isEqualTo(0.5);
        assertThat(c.rate(RateKind.TPR, b).value()).isEqualTo(0.6);
        assertThat(c.rate(RateKind.TPR, cc).value()).isCloseTo(0.4, within(1e-15));
        assertThat(c.rate(RateKind.FPR, a).value()).isEqualTo(1.0);
        assertThat(c.rate(RateKind.FPR, b).value()).isEqualTo(0.0);
        assertThat(c.rate(RateKind.FPR, cc).value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.rate(RateKind.SELECTION_RATE, a).value()).isEqualTo(0.75);
        assertThat(c.size(cc)).isEqualTo(8);
        assertThat(c.overall(RateKind.TPR).value()).isEqualTo(0.5);
        assertThat(c.overall(RateKind.SELECTION_RATE).value()).isCloseTo(0.555556, within(1e-6));
        // mf.difference() / mf.ratio() / to_overall
        assertThat(RateAggregation.difference(c, RateKind.TPR, Aggregation.BETWEEN_GROUPS, FAIRLEARN).value()).isCloseTo(0.2, within(1e-15));
        assertThat(RateAggregation.ratio(c, RateKind.TPR, Aggregation.BETWEEN_GROUPS, FAIRLEARN).value()).isCloseTo(0.666667, within(1e-6));
        assertThat(RateAggregation.difference(c, RateKind.TPR, Aggregation.TO_OVERALL, FAIRLEARN).value()).isCloseTo(0.1, within(1e-15));
        assertThat(RateAggregation.difference(c, RateKind.FPR, Aggregation.TO_OVERALL, FAIRLEARN).value()).isCloseTo(0.666667, within(1e-6));
        assertThat(RateAggregation.difference(c, RateKind.SELECTION_RATE, Aggregation.TO_OVERALL, FAIRLEARN).value()).isCloseTo(0.194444, within(1e-6));
        assertThat(RateAggregation.ratio(c, RateKind.TPR, Aggregation.TO_OVERALL, FAIRLEARN).value()).isCloseTo(0.8, within(1e-15));
        assertThat(RateAggregation.ratio(c, RateKind.FPR, Aggregation.TO_OVERALL, FAIRLEARN).value()).isEqualTo(0.0);
        assertThat(RateAggregation.ratio(c, RateKind.SELECTION_RATE, Aggregation.TO_OVERALL, FAIRLEARN).value()).isCloseTo(0.740741, within(1e-6));
    }

    @Test
    void explicitModeExcludesSmallGroupsAndSaysWhich() {
        FairnessSettings s = FairnessSettings.DEFAULT.withMinGroupSize(5).withResamples(200);
        var all = Disparities.of(counts(), Aggregation.BETWEEN_GROUPS, s, "b").all();
        Disparity dp = all.get("demographic_parity_difference");
        assertThat(dp.excluded()).containsExactly("sf=a: 4 rows, below the minimum group size 5");
        assertThat(dp.value()).isEqualTo(0.0);
        assertThat(all.get("disparate_impact").value()).isEqualTo(1.0);
        assertThat(all.get("demographic_parity_difference").interval().undefinedReason())
                .startsWith("the value is undefined on").contains("of 200 bootstrap resamples");
        assertThat(Disparities.of(counts(), Aggregation.BETWEEN_GROUPS, s, "b").all())
                .isEqualTo(all);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Disparities.of(counts(), Aggregation.BETWEEN_GROUPS, FAIRLEARN, "B"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'B' does not occur").hasMessageContaining("did you mean 'b'").hasMessageContaining("The groups are: b, a, c.");
        assertThatThrownBy(() -> Groups.of(Frame.of(CategoricalColumn.of("sex", "F", "F")), "sex"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("single value ('F')");
        Frame two = Frame.of(CategoricalColumn.of("sex", "F", "M"));
        assertThatThrownBy(() -> Groups.of(two, dev.assay.core.data.Schema.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("names no protected attribute");
        assertThat(Groups.of(two, dev.assay.core.data.Schema.builder().protectedAttributes(java.util.List.of("sex")).build())
                .groupCount()).isEqualTo(2);
        Groups missing = Groups.of(Frame.of(CategoricalColumn.of("sex", "F", null, "M")), "sex");
        assertThat(missing.notes()).containsExactly("column 'sex' has 1 missing value(s); they form the group 'missing'.");
        assertThat(missing.label(missing.group(1))).isEqualTo("sex=missing");
    }

    @Test
    void intersectionsIncludeEmptyCombinationsAndEdgesBinNumbers() {
        Frame f = Frame.of(CategoricalColumn.of("sex", "F", "M", "F"), CategoricalColumn.of("race", "x", "y", "y"),
                NumericColumn.of("age", 17, 30, 70));
        Groups g = Groups.of(f, java.util.List.of(ProtectedAttribute.of("sex"), ProtectedAttribute.of("race"),
                ProtectedAttribute.withEdges("age", 18, 40, 65)));
        assertThat(g.groupCount()).isEqualTo(2 * 2 * 4);
        assertThat(g.label(g.group(0))).isEqualTo("sex=F, race=x, age=< 18");
        assertThat(g.label(g.group(1))).isEqualTo("sex=M, race=y, age=[18, 40]");
        assertThat(g.label(g.group(2))).isEqualTo("sex=F, race=y, age=> 65");
        assertThat(g.find("M", "x", "[18, 40]")).isBetween(0, 15);
    }
}
