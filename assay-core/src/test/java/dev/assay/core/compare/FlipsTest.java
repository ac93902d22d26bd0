package dev.assay.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlipsTest {

    @Test
    void countsEachCellOfThePairedCorrectness() {
        Flips flips = Flips.count(new boolean[] {true, true, false, false, true, false},
                new boolean[] {true, false, true, false, false, true});

        assertThat(flips).isEqualTo(new Flips(2, 2, 1, 1));
        assertThat(flips.rows()).isEqualTo(6);
        assertThat(flips.discordant()).isEqualTo(4);
    }

    @Test
    void matchesTheGoldenCountsOnRealPredictions() {
        CompareFixture fixture = CompareFixture.read("german_credit");

        Flips flips = Flips.count(fixture.correct("baseline"), fixture.correct("candidate"));

        assertThat(flips).isEqualTo(new Flips((int) fixture.value("flips", "baseline_only"),
                (int) fixture.value("flips", "candidate_only"), (int) fixture.value("flips", "both_right"),
                (int) fixture.value("flips", "both_wrong")));
        assertThat(flips).isEqualTo(new Flips(18, 20, 210, 52));
    }

    @Test
    void correctnessFromScoresCountsAScoreAtTheThresholdAsPositive() {
        assertThat(Flips.correct(new boolean[] {true, true, false, false}, new double[] {0.5, 0.49, 0.5, 0.1}, 0.5))
                .containsExactly(true, false, false, true);
        assertThatThrownBy(() -> Flips.correct(new boolean[2], new double[3], 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 scores for 2 labels");
    }

    @Test
    void noRowsGiveNoFlips() {
        assertThat(Flips.count(new boolean[0], new boolean[0])).isEqualTo(new Flips(0, 0, 0, 0));
    }

    @Test
    void refusesCorrectnessOfDifferentLengths() {
        assertThatThrownBy(() -> Flips.count(new boolean[3], new boolean[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline has 3 rows and the candidate 2; both models must be scored on the same rows");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new Flips(-1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baselineOnly=-1");
    }
}
