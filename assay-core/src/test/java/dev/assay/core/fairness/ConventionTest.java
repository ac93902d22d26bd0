package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import org.junit.jupiter.api.Test;

/** A group without actual positives: its TPR is undefined, and each convention says so in its own way. */
class ConventionTest {
    // group u: 3 rows, all negatives (TPR 0/0); group p: 3 rows, 2 positives, one predicted positive.
    private static final String[] GROUP = {"u", "u", "u", "p", "p", "p"};
    private static final boolean[] TRUTH = {false, false, false, true, true, false};
    private static final boolean[] PREDICTED = {true, false, false, true, false, false};

    private static Disparities disparities(Convention convention) {
        Groups groups = Groups.of(Frame.of(CategoricalColumn.of("g", GROUP)), "g");
        GroupCounts counts = GroupCounts.count(groups, TRUTH, PREDICTED);
        FairnessSettings s = FairnessSettings.DEFAULT.withConvention(convention).withMinGroupSize(0).withResamples(0);
        return Disparities.of(counts, Aggregation.BETWEEN_GROUPS, s, "p");
    }

    @Test
    void explicitSaysWhyAndWhichGroupWasLeftOut() {
        Disparity eo = disparities(Convention.EXPLICIT).get("equal_opportunity_difference");
        assertThat(eo.defined()).isFalse();
        assertThat(eo.value()).isNaN();
        assertThat(eo.undefinedReason()).isEqualTo("fewer than two groups have a defined true_positive_rate and at least 0 rows");
        assertThat(eo.excluded()).containsExactly("g=u: true_positive_rate undefined, the group has no actual positives (TP + FN = 0)");
        assertThat(disparities(Convention.EXPLICIT).get("average_odds_difference").undefinedReason())
                .isEqualTo("no unprivileged group is left to compare with g=p");
    }

    @Test
    void fairlearnCountsTheUndefinedRateAsZero() {
        assertThat(disparities(Convention.FAIRLEARN).get("equal_opportunity_difference").value()).isEqualTo(0.5);
        assertThat(disparities(Convention.FAIRLEARN).get("equal_opportunity_ratio").value()).isEqualTo(0.0);
    }

    @Test
    void aif360PropagatesNaN() {
        Disparities d = disparities(Convention.AIF360);
        assertThat(d.get("average_odds_difference").value()).isNaN();
        assertThat(d.get("average_odds_difference").defined()).isTrue();
        assertThat(d.get("equal_opportunity_difference").value()).isNaN();
        assertThat(d.get("disparate_impact").value()).isEqualTo((1 / 3.0) / (1 / 3.0));
        assertThat(Disparities.passesFourFifths(d.get("disparate_impact"))).isTrue();
    }
}
