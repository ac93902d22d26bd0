package dev.assay.core.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The false-alarm policy by simulation: 50 independent standard normal features, a reference of 20,000
 * rows and 100 hourly windows of 500 rows, seeded. On stable data the rule "drift_p[*] below 0.05 for 2
 * windows" (Benjamini-Hochberg across the 50 features, then two consecutive windows) must raise at most
 * one alert in the 100 windows (a false-alarm rate of at most 0.01 per window), while a shift of 0.3
 * standard deviations in one feature from window 60 on fires by window 61.
 */
class AlertSimulationTest {
    private static final int FEATURES = 50;
    private static final int WINDOWS = 100;
    private static final int ROWS = 500;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<AlertRule> CORRECTED = AlertRules.parse(List.of(java.util.Map.of("name", "drift", "metric", "drift_p[*]",
            "below", 0.05, "for", 2)), "test");

    @Test
    void stableDataRaisesAtMostOneAlertInAHundredWindows() {
        Run run = simulate(-1);
        assertThat(run.alerts).as("alerts fired on stable data: %s", run).isLessThanOrEqualTo(1);
        assertThat(run.windowsWithBreach).as("windows with a BH breach: %s", run).isLessThanOrEqualTo(12);
        assertThat(run.naiveBreaches).as("uncorrected p < 0.05 breaches, for comparison: %s", run).isGreaterThan(100);
    }

    @Test
    void aRealShiftIsStillCaughtWithinTwoWindows() {
        Run run = simulate(60);
        assertThat(run.firstDriftAlert).as("%s", run).isBetween(60, 61);
        assertThat(run.alerts - run.driftAlerts).as("false alerts besides the drifted feature: %s", run).isLessThanOrEqualTo(1);
    }

    private record Run(int alerts, int driftAlerts, int firstDriftAlert, int windowsWithBreach, int naiveBreaches) {
    }

    /** One seeded run; feature f07 shifts by 0.3 from window {@code driftFrom} (none when negative). */
    private static Run simulate(int driftFrom) {
        Random random = new Random(20260301);
        WindowAggregate reference = new WindowAggregate("v1", T0);
        add(reference, random, 20000, 0);
        AlertEvaluator evaluator = new AlertEvaluator(CORRECTED);
        AlertTracker tracker = new AlertTracker();
        int alerts = 0;
        int drift = 0;
        int first = -1;
        int breachWindows = 0;
        int naive = 0;
        for (int w = 0; w < WINDOWS; w++) {
            Instant start = T0.plus(Duration.ofHours(w));
            WindowAggregate window = new WindowAggregate("v1", start);
            add(window, random, ROWS, driftFrom >= 0 && w >= driftFrom ? 0.3 : 0);
            WindowSnapshot snapshot = WindowSnapshot.of("sim", reference, window, null);
            List<RuleOutcome> outcomes = evaluator.evaluate(snapshot);
            breachWindows += outcomes.stream().anyMatch(o -> o.breached() && o.metric().startsWith("drift_p[f")) ? 1 : 0;
            naive += (int) snapshot.family("drift_p").entrySet().stream().filter(e -> e.getKey().startsWith("f") && e.getValue() < 0.05)
                    .count();
            for (Alert a : tracker.update("sim", "v1", outcomes, start.plus(Duration.ofHours(1)))) {
                if (a.state() == Alert.State.FIRING && a.metric().startsWith("drift_p[f")) {
                    alerts++;
                    if (a.metric().equals("drift_p[f07]")) {
                        drift++;
                        first = first < 0 ? w : first;
                    }
                }
            }
        }
        return new Run(alerts, drift, first, breachWindows, naive);
    }

    private static void add(WindowAggregate into, Random random, int rows, double shift) {
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < FEATURES; f++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = random.nextGaussian() + (f == 7 ? shift : 0);
            }
            columns.add(NumericColumn.wrap(String.format("f%02d", f), v));
        }
        double[] scores = new double[rows];
        boolean[] predicted = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            scores[i] = random.nextDouble();
            predicted[i] = scores[i] >= 0.5;
        }
        into.add(Frame.of(columns), predicted, scores);
    }
}
