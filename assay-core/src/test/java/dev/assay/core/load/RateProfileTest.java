package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateProfileTest {

    @Test
    void stepsRunEachRateForTheDurationAndRampsSpreadTenSteps() {
        RateProfile step = RateProfile.parse("step:100,200,400/10s");
        assertThat(step.steps()).extracting(RateProfile.Step::rate).containsExactly(100.0, 200.0, 400.0);
        assertThat(step.steps()).extracting(RateProfile.Step::duration).containsOnly(Duration.ofSeconds(10));
        RateProfile ramp = RateProfile.parse(" RAMP:100..1000/30s ");
        assertThat(ramp.steps()).hasSize(10);
        assertThat(ramp.steps().get(0).rate()).isEqualTo(100.0);
        assertThat(ramp.steps().get(1).rate()).isEqualTo(200.0);
        assertThat(ramp.steps().get(9).rate()).isEqualTo(1000.0);
        assertThat(ramp.steps()).extracting(RateProfile.Step::duration).containsOnly(Duration.ofSeconds(3));
    }

    @Test
    void badProfilesAreRefusedWithTheFormat() {
        assertThatThrownBy(() -> RateProfile.parse("steps")).hasMessageContaining("step:100,200,400/10s");
        assertThatThrownBy(() -> RateProfile.parse("step:0,5/1s")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> RateProfile.parse("step:5/1y")).hasMessageContaining("500ms");
        assertThatThrownBy(() -> RateProfile.parse("ramp:1..5/0s")).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> RateProfile.parse(null)).hasMessageContaining("ramp:100..1000/30s");
    }
}
