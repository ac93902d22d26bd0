package dev.assay.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void aMemberIsAddressedByNameAndKey() {
        Measurement plain = new Measurement("recall", 0.8, null, null, 10, null, null);
        assertThat(plain.key()).isNull();
        assertThat(plain.id()).isEqualTo("recall");
        assertThat(plain.warnings()).isEmpty();
        Measurement member = Measurement.of("recall", "sex=female", 0.7, 4).withReference(0.75);
        assertThat(member).isEqualTo(new Measurement("recall", "sex=female", 0.7, null, 0.75, 4, null, List.of()));
        assertThat(member.id()).isEqualTo("recall[sex=female]");
        assertThat(Measurement.of("psi", 0.1, 3)).isEqualTo(Measurement.of("psi", null, 0.1, 3));
    }

    @Test
    void aKeyNamesAMember() {
        assertThatThrownBy(() -> Measurement.of("recall", " ", 0.7, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key of a recall measurement must name a member, got ' '");
        assertThatThrownBy(() -> Measurement.of("recall", "*", 0.7, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key of a recall measurement must name a member, got '*'");
    }

    @Test
    void checkResultsFindMeasurementsById() {
        CheckResult r = new CheckResult("c", "metric", Status.PASS, null,
                List.of(Measurement.of("recall", 0.8, 10), Measurement.of("recall", "sex=female", 0.7, 4)), List.of(), List.of(),
                List.of(), List.of(), Duration.ZERO);
        assertThat(r.measurement("recall").value()).isEqualTo(0.8);
        assertThat(r.measurement("recall[sex=female]").value()).isEqualTo(0.7);
        assertThat(r.findMeasurement("recall[sex=male]")).isEmpty();
        assertThatThrownBy(() -> r.measurement("f1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check 'c' measured no 'f1'; it measured [recall, recall[sex=female]]");
    }
}
