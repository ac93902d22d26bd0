package dev.assay.core.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.monitor.WindowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saving and restoring the evaluator's streaks and the tracker's alerts continues exactly where they were. */
class AlertRestoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final AlertRule PSI = new AlertRule("age psi", "psi[age]", AlertRule.Condition.ABOVE, 0.2, "warning", 2);

    @Test
    void aRestoredEvaluatorKeepsItsStreakAndARestoredTrackerItsFiringAlert() {
        AlertEvaluator evaluator = new AlertEvaluator(List.of(PSI));
        AlertTracker tracker = new AlertTracker();
        assertThat(step(evaluator, tracker, 0, 0.3)).isEmpty();
        assertThat(evaluator.streaks()).containsExactly(Map.entry(AlertEvaluator.streakKey("v1", "age psi", "psi[age]"), 1));

        AlertEvaluator again = new AlertEvaluator(List.of(PSI), evaluator.streaks());
        AlertTracker restored = AlertTracker.restore(tracker.alerts());
        List<Alert> fired = step(again, restored, 1, 0.4);
        assertThat(fired).as("the second window in a row fires, across the restore").singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(Alert.State.FIRING));

        AlertTracker later = AlertTracker.restore(restored.alerts());
        AlertEvaluator laterEvaluator = new AlertEvaluator(List.of(PSI), again.streaks());
        assertThat(step(laterEvaluator, later, 2, 0.5)).as("a restored firing alert does not fire again").isEmpty();
        List<Alert> resolved = step(laterEvaluator, later, 3, 0.1);
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.State.RESOLVED);
            assertThat(a.startsAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        });
        assertThat(laterEvaluator.streaks()).containsValue(0);
    }

    private static List<Alert> step(AlertEvaluator evaluator, AlertTracker tracker, int hour, double psi) {
        WindowSnapshot s = new WindowSnapshot("m", "v1", T0.plus(Duration.ofHours(hour)), Map.of("psi[age]", psi), Map.of());
        return tracker.update("m", "v1", evaluator.evaluate(s), T0.plus(Duration.ofHours(hour + 1)));
    }
}
