package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Interval;
import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesStatsmodelsOnEveryGoldenCase() {
        JsonNode cases = Golden.read("uncertainty/wilson.json").get("cases");
        assertThat(cases.size()).isEqualTo(11);
        for (JsonNode c : cases) {
            Interval i = WilsonInterval.of(c.get("successes").asLong(), c.get("n").asLong(), c.get("level").asDouble()).interval();
            assertThat(i.lower()).as("lower of %s", c).isCloseTo(c.get("lower").asDouble(), within(1e-12));
            assertThat(i.upper()).as("upper of %s", c).isCloseTo(c.get("upper").asDouble(), within(1e-12));
            assertThat(i.level()).isEqualTo(c.get("level").asDouble());
            assertThat(i.method()).isEqualTo("wilson");
        }
    }

    @Test
    void noSuccessesAndAllSuccessesReachTheEndsExactly() {
        assertThat(WilsonInterval.of(0, 30, 0.95).interval().lower()).isEqualTo(0.0);
        assertThat(WilsonInterval.of(30, 30, 0.95).interval().upper()).isEqualTo(1.0);
    }

    @Test
    void noTrialsIsUndefinedWithTheReason() {
        IntervalEstimate e = WilsonInterval.of(0, 0, 0.95);
        assertThat(e.defined()).isFalse();
        assertThat(e.undefinedReason()).isEqualTo("there are no rows to count (n = 0), so the proportion is undefined.");
    }

    @Test
    void badCountsAndLevelsNameTheProblem() {
        assertThatThrownBy(() -> WilsonInterval.of(5, 4, 0.95)).isInstanceOf(InvalidInputException.class)
                .hasMessage("A Wilson interval needs 0 <= successes <= n, got 5 successes of 4. Count successes among the same rows as n.");
        assertThatThrownBy(() -> WilsonInterval.of(1, 4, 95)).isInstanceOf(InvalidInputException.class)
                .hasMessage("'level' must be a confidence level between 0 and 1 (exclusive), got 95.0. Use e.g. 0.95 for a 95% interval.");
    }
}
