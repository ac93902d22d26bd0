package dev.assay.core.privacy.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdAttackTest {

    @Test
    void identicalScoresGiveNoAdvantageAndNoEpsilon() {
        double[] same = {0.1, 0.2, 0.3, 0.4};
        AttackResult r = ThresholdAttack.evaluate(MembershipSignal.LOSS, same, same, new double[] {0.01}, 0, 0.95);
        assertThat(r.auc()).isEqualTo(0.5);
        assertThat(r.advantage()).isEqualTo(0);
        assertThat(r.epsilonLowerBound()).isEqualTo(0);
    }

    @Test
    void perfectSeparationIsBoundedByTheSampleSize() {
        double[] members = new double[1000];
        double[] others = new double[1000];
        for (int i = 0; i < 1000; i++) {
            members[i] = 1 + i;
            others[i] = -1 - i;
        }
        AttackResult r = ThresholdAttack.evaluate(MembershipSignal.LOSS, members, others, new double[] {0.01, 0.001}, 0, 0.95);
        assertThat(r.auc()).isEqualTo(1.0);
        assertThat(r.advantage()).isEqualTo(1.0);
        assertThat(r.tprAtFpr().get(0).value()).isEqualTo(1.0);
        // FPR = FNR = 0 of 1000: both upper bounds are 1 − 0.025^(1/1000), so ε >= ln((1 − u)/u)
        double u = 1 - Math.pow(0.025, 1.0 / 1000);
        assertThat(r.epsilonLowerBound()).isCloseTo(Math.log((1 - u) / u), within(1e-9));
    }

    @Test
    void clopperPearsonEndsAtZeroAndOne() {
        assertThat(ClopperPearson.of(0, 10, 0.95).lower()).isEqualTo(0);
        assertThat(ClopperPearson.of(10, 10, 0.95).upper()).isEqualTo(1);
        assertThatThrownBy(() -> ClopperPearson.of(3, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signalsScoreSurePredictionsHighest() {
        double[] sure = {0.01, 0.99};
        double[] unsure = {0.5, 0.5};
        for (MembershipSignal s : MembershipSignal.values()) {
            assertThat(s.score(sure, 0, 2, 1)).as(s.id()).isGreaterThan(s.score(unsure, 0, 2, 1));
        }
        // modified entropy and loss see a sure wrong prediction as unlike a member; plain entropy cannot
        assertThat(MembershipSignal.MODIFIED_ENTROPY.score(sure, 0, 2, 0)).isLessThan(MembershipSignal.MODIFIED_ENTROPY.score(unsure, 0, 2, 0));
        assertThat(MembershipSignal.ENTROPY.score(sure, 0, 2, 0)).isEqualTo(MembershipSignal.ENTROPY.score(sure, 0, 2, 1));
        assertThat(MembershipSignal.byId(" Modified_Entropy ")).isEqualTo(MembershipSignal.MODIFIED_ENTROPY);
    }
}
