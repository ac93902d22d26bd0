package dev.assay.models.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.monitor.Cbpe;
import dev.assay.core.monitor.CbpeEstimate;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowSnapshot;
import dev.assay.core.monitor.WindowSpec;
import dev.assay.core.monitor.alert.AlertEvaluator;
import dev.assay.core.monitor.alert.AlertRule;
import dev.assay.core.monitor.alert.RuleOutcome;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.training.ExampleData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CBPE with the bundled Adult logistic regression (ONNX) on its 9,768 held-out rows, taken in file order
 * as a stream with one row every 36 seconds from 2026-03-01 (100 rows an hour): the first 4,800 rows are
 * the labelled reference (chunks of 600), the rest fall into 12-hour windows. On these windows the
 * estimate must agree with the realised metric within three sampling errors, and stay inside the
 * reference band; on a window of the held-out rows aged 50 and over (a subpopulation the model is worse
 * on) the estimated accuracy must fall with the realised one and leave the band.
 */
class CbpeAdultModelTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int REFERENCE = 4800;
    private static final String POSITIVE = ">50K";
    private static Frame features;
    private static double[] scores;
    private static boolean[] predicted;
    private static boolean[] truth;
    private static double[] age;
    private static Cbpe cbpe;
    private static WindowAggregate reference;

    @BeforeAll
    static void score() {
        ExampleData adult = ExampleData.adult(ExampleData.repositoryRoot());
        Frame all = adult.read();
        Frame held = all.slice(ExampleData.split(all.rowCount(), false));
        features = held.select(held.columnNames().stream().filter(c -> !c.equals("income-per-year") && !c.equals("fnlwgt")).toList());
        try (Model model = OnnxModel.load(ExampleData.repositoryRoot().resolve("examples/models/adult_logistic.onnx"))) {
            ClassPredictions p = (ClassPredictions) model.predict(held);
            int pos = p.classes().indexOf(POSITIVE);
            int n = held.rowCount();
            scores = new double[n];
            predicted = new boolean[n];
            truth = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = Math.min(1, Math.max(0, p.probability(i, pos)));
                predicted[i] = p.predicted()[i] == pos;
                truth[i] = held.column("income-per-year").format(i).equals(POSITIVE);
            }
        }
        age = ((NumericColumn) held.column("age")).toArray();
        int[] ref = IntStream.range(0, REFERENCE).toArray();
        cbpe = Cbpe.fit(pick(scores, ref), pick(predicted, ref), pick(truth, ref), 600);
        reference = aggregate(ref, T0);
    }

    @Test
    void estimatesAgreeWithRealisedValuesOnStableWindows() {
        WindowSpec spec = WindowSpec.parse("PT12H");
        Map<Instant, List<Integer>> windows = new TreeMap<>();
        for (int i = REFERENCE; i < scores.length; i++) {
            windows.computeIfAbsent(spec.start(T0.plus(Duration.ofSeconds(36L * i))), k -> new ArrayList<>()).add(i);
        }
        assertThat(windows).hasSize(5);
        AlertEvaluator alerts = new AlertEvaluator(List.of(new AlertRule("accuracy", "estimated_accuracy", AlertRule.Condition.OUTSIDE_BAND,
                Double.NaN, "critical", 1)));
        for (Map.Entry<Instant, List<Integer>> w : windows.entrySet()) {
            int[] rows = w.getValue().stream().mapToInt(Integer::intValue).toArray();
            WindowAggregate window = aggregate(rows, w.getKey());
            for (CbpeEstimate e : cbpe.estimate(window)) {
                assertThat(Math.abs(e.estimated() - e.realised())).as("%s at %s (%d rows): %s", e.metric(), w.getKey(), rows.length, e)
                        .isLessThanOrEqualTo(3 * e.samplingError());
            }
            List<RuleOutcome> outcome = alerts.evaluate(WindowSnapshot.of("adult", reference, window, cbpe));
            assertThat(outcome.get(0).breached()).as("window %s", w.getKey()).isFalse();
        }
    }

    @Test
    void anOlderSubpopulationIsEstimatedWorseAndAlerts() {
        int[] stable = IntStream.range(REFERENCE, scores.length).toArray();
        int[] old = IntStream.range(REFERENCE, scores.length).filter(i -> age[i] >= 50).limit(1200).toArray();
        CbpeEstimate all = accuracy(aggregate(stable, T0));
        CbpeEstimate drifted = accuracy(aggregate(old, T0));
        assertThat(drifted.realised()).isLessThan(all.realised() - 0.03);
        assertThat(drifted.estimated()).isLessThan(all.estimated() - 0.03);
        assertThat(Math.abs(drifted.estimated() - drifted.realised())).as("%s", drifted).isLessThanOrEqualTo(3 * drifted.samplingError());
        assertThat(drifted.alert()).as("%s", drifted).isTrue();
        assertThat(all.alert()).as("%s", all).isFalse();
    }

    private static CbpeEstimate accuracy(WindowAggregate w) {
        return cbpe.estimate(w).stream().filter(e -> e.metric().equals("accuracy")).findFirst().orElseThrow();
    }

    /** The rows as one window of predictions, every label arrived. */
    private static WindowAggregate aggregate(int[] rows, Instant start) {
        WindowAggregate w = new WindowAggregate("adult_logistic", start);
        w.add(features.slice(rows), pick(predicted, rows), pick(scores, rows));
        w.addLabels(pick(truth, rows), pick(predicted, rows), pick(scores, rows));
        return w;
    }

    private static double[] pick(double[] v, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }

    private static boolean[] pick(boolean[] v, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
