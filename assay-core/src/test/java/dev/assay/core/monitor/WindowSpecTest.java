package dev.assay.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowSpecTest {
    @Test
    void windowsAreAlignedToUtc() {
        assertThat(WindowSpec.parse("PT1H").start(Instant.parse("2026-03-01T10:59:59.999Z"))).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(WindowSpec.parse("P1D").start(Instant.parse("2026-03-01T23:30:00Z"))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(WindowSpec.parse("PT15M").start(Instant.parse("2026-03-01T10:44:00Z"))).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(WindowSpec.parse("PT1H").start(Instant.parse("1969-12-31T23:30:00Z"))).isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        WindowSpec hour = WindowSpec.parse("PT1H");
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(hour.start(start)).isEqualTo(start);
        assertThat(hour.end(start)).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(hour.start(hour.end(start))).isEqualTo(hour.end(start));
        assertThat(hour.closed(start, Instant.parse("2026-03-01T10:59:59Z"))).isFalse();
        assertThat(hour.closed(start, Instant.parse("2026-03-01T11:00:00Z"))).isTrue();
    }

    @Test
    void badSizesAreRefusedWithExamples() {
        for (String bad : new String[] {"1h", "", "P0D", "-PT1H", "PT0.5S", "P400D"}) {
            assertThatThrownBy(() -> WindowSpec.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("PT1H");
        }
        assertThatThrownBy(() -> WindowSpec.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
