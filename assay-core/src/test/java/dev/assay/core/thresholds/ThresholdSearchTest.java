package dev.assay.core.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.stats.ScoreSample;
import org.junit.jupiter.api.Test;

/** Hand-worked operating points of six rows with a tie, and the constraint grammar. */
class ThresholdSearchTest {
    /** Scores 0.9 (+), 0.7 (-), 0.7 (+), 0.4 (-), 0.2 (+), 0.1 (-): thresholds 0.9, 0.7, 0.4, 0.2, 0.1. */
    private static OperatingPoints points() {
        ScoreSample s = new ScoreSample();
        s.addAll(new boolean[] {true, false, true, false, true, false}, new double[] {0.9, 0.7, 0.7, 0.4, 0.2, 0.1}, null, 0, 6);
        return new OperatingPoints(s.result());
    }

    @Test
    void tiedScoresMoveTogetherAndThresholdsSelectScoresAtOrAbove() {
        OperatingPoints p = points();
        assertThat(p.size()).isEqualTo(5);
        assertThat(p.truePositives(1)).isEqualTo(2);
        assertThat(p.falsePositives(1)).isEqualTo(1);
        assertThat(p.indexAt(0.7)).isEqualTo(1);
        assertThat(p.indexAt(0.71)).isZero();
        assertThat(p.indexAt(0.95)).isEqualTo(-1);
        assertThat(p.indexAt(0.0)).isEqualTo(4);
        assertThat(ThresholdMetric.PRECISION.at(p, -1, 1)).isNaN();
        assertThat(ThresholdMetric.F1.at(p, -1, 1)).isZero();
        assertThat(p.falseNegatives(-1)).isEqualTo(3);
    }

    @Test
    void optimaAndTheirTies() {
        OperatingPoints p = points();
        // f1 at 0.7 is 2*2/(2*2+1+1) = 2/3, at 0.2 it is 2*3/(2*3+2) = 3/4
        assertThat(p.threshold(ThresholdSearch.best(p, ThresholdMetric.F1, 1))).isEqualTo(0.2);
        // precision 1 only at 0.9
        assertThat(p.threshold(ThresholdSearch.best(p, ThresholdMetric.PRECISION, 1))).isEqualTo(0.9);
        // recall 1 at 0.2 and 0.1: the higher wins
        assertThat(p.threshold(ThresholdSearch.best(p, ThresholdMetric.RECALL, 1))).isEqualTo(0.2);
        // fpr 0 only at 0.9
        assertThat(p.threshold(ThresholdSearch.best(p, ThresholdMetric.FPR, 1))).isEqualTo(0.9);
        Constraint c = Constraint.parse("recall>=0.6");
        assertThat(p.threshold(ThresholdSearch.best(p, ThresholdMetric.PRECISION, 1, c))).isEqualTo(0.7);
    }

    @Test
    void costsAndTheBayesThreshold() {
        OperatingPoints p = points();
        CostMatrix statlog = new CostMatrix(0, 1, 5, 0);
        // at 0.2: fp 2, fn 0 -> 2/6; at 0.1: fp 3 -> 3/6; at 0.7: fp 1, fn 1 -> 6/6
        assertThat(p.threshold(ThresholdSearch.leastCost(p, statlog))).isEqualTo(0.2);
        assertThat(statlog.expectedCost(p, 3)).isEqualTo(2.0 / 6);
        assertThat(statlog.bayesThreshold()).isEqualTo(1.0 / 6);
        assertThat(new CostMatrix(0, 0, 5, 0).bayesThreshold()).isNaN();
    }

    @Test
    void refusingEveryoneIsACandidateOfTheCostSearch() {
        OperatingPoints p = points();
        // false positives 10 times dearer: nothing positive costs 3 fn = 3/6; at 0.9: 2 fn = 2/6; at 0.7: 1 fp + 1 fn = 11/6
        assertThat(p.threshold(ThresholdSearch.leastCost(p, new CostMatrix(0, 10, 1, 0)))).isEqualTo(0.9);
        // 1.5 for a missed positive: nothing positive costs 4.5/6, more than 0.9's 3/6
        assertThat(ThresholdSearch.leastCost(p, new CostMatrix(0, 10, 1.5, 0))).isZero();
        // a false positive dearer than every positive found: refuse everyone, threshold just above 0.9
        ScoreSample s = new ScoreSample();
        s.addAll(new boolean[] {false, true, true, false}, new double[] {0.9, 0.8, 0.3, 0.2}, null, 0, 4);
        OperatingPoints topIsNegative = new OperatingPoints(s.result());
        int refuse = ThresholdSearch.leastCost(topIsNegative, new CostMatrix(0, 10, 1, 0));
        assertThat(refuse).isEqualTo(-1);
        assertThat(topIsNegative.threshold(refuse)).isEqualTo(Math.nextUp(0.9));
        assertThat(new CostMatrix(0, 10, 1, 0).expectedCost(topIsNegative, refuse)).isEqualTo(2.0 / 4);
    }

    @Test
    void constraintsReadAndRejectClearly() {
        assertThat(Constraint.parse(" fpr <= 0.05 ")).isEqualTo(new Constraint(ThresholdMetric.FPR, "<=", 0.05));
        assertThat(Constraint.parse("tpr > 0.5").metric()).isEqualTo(ThresholdMetric.RECALL);
        assertThatThrownBy(() -> Constraint.parse("recall = 0.9")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not of the form 'metric >= number'");
        assertThatThrownBy(() -> Constraint.parse("recal >= 0.9")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recall");
        assertThatThrownBy(() -> Constraint.parse("recall >= 0.9.1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> ThresholdSearch.best(points(), ThresholdMetric.RECALL, 1, Constraint.parse("fpr < 0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No threshold meets fpr < 0.0 on these 5 distinct scores; the lowest reachable fpr is 0");
    }
}
