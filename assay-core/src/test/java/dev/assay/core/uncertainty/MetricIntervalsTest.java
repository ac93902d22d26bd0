package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Intervals of German credit metrics (300 real test rows, scikit-learn fixture binary_german_credit.json). */
class MetricIntervalsTest {
    private static final JsonNode SOURCE = Golden.read("binary_german_credit.json");
    private static final Frame FRAME = Golden.frame(SOURCE);
    private static final Schema SCHEMA = Golden.schema(SOURCE);
    private static final EvaluationSettings SETTINGS = EvaluationSettings.defaults();
    private static final Evaluation EVALUATION = Evaluator.evaluate(FRAME, SCHEMA, SETTINGS);
    private static final List<String> IDS = List.of("roc_auc", "recall");

    @Test
    void wilsonIntervalsComeFromTheConfusionCounts() {
        Map<String, IntervalEstimate> out = MetricIntervals.of(FRAME, SCHEMA, SETTINGS, EVALUATION,
                List.of("recall", "precision", "accuracy", "roc_auc"), new IntervalSettings(IntervalMethod.WILSON, 0, 0.9), 1);
        assertThat(out.get("recall")).isEqualTo(WilsonInterval.of(39, 90, 0.9));
        assertThat(out.get("precision")).isEqualTo(WilsonInterval.of(39, 52, 0.9));
        assertThat(out.get("accuracy")).isEqualTo(WilsonInterval.of(236, 300, 0.9));
        assertThat(out.get("roc_auc").undefinedReason()).isEqualTo("a Wilson interval is for proportions of counts (accuracy, "
                + "precision, recall, specificity, npv, fpr, fnr), not roc_auc; use method bca or percentile.");
    }

    @Test
    void theSameSeedGivesTheSameIntervalsWhateverTheNumberOfThreads() throws Exception {
        IntervalSettings ci = new IntervalSettings(IntervalMethod.BCA, 200, 0.95);
        Map<String, IntervalEstimate> common = MetricIntervals.of(FRAME, SCHEMA, SETTINGS, EVALUATION, IDS, ci, 42);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            Map<String, IntervalEstimate> single = one.submit(() -> MetricIntervals.of(FRAME, SCHEMA, SETTINGS, EVALUATION, IDS,
                    ci, 42)).get();
            assertThat(single).isEqualTo(common);
        } finally {
            one.shutdown();
        }
        assertThat(MetricIntervals.of(FRAME, SCHEMA, SETTINGS, EVALUATION, IDS, ci, 43)).isNotEqualTo(common);
        for (String id : IDS) {
            assertThat(common.get(id).interval().lower()).isLessThan(EVALUATION.metric(id).value());
            assertThat(common.get(id).interval().upper()).isGreaterThan(EVALUATION.metric(id).value());
            assertThat(common.get(id).interval().method()).isEqualTo("bootstrap-bca");
        }
    }

    @Test
    void percentileIntervalsAreTheQuantilesOfTheSeededReplicates() {
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 100, 0.8);
        Map<String, IntervalEstimate> out = MetricIntervals.of(FRAME, SCHEMA, SETTINGS, EVALUATION, List.of("recall"), ci, 5);
        double[] replicates = new double[100];
        SplittableRandom root = new SplittableRandom(5);
        int[] bad = IntStream.range(0, 300).filter(i -> SOURCE.get("label").get(i).asText().equals("bad")).toArray();
        for (int b = 0; b < 100; b++) {
            SplittableRandom r = root.split();
            int tp = 0;
            for (int i = 0; i < bad.length; i++) {
                // strata are in sorted class order: 'bad' first, so its draws come first
                tp += SOURCE.get("prediction").get(bad[r.nextInt(bad.length)]).asText().equals("bad") ? 1 : 0;
            }
            replicates[b] = tp / (double) bad.length;
        }
        assertThat(out.get("recall")).isEqualTo(BootstrapIntervals.percentile(replicates, 0.8));
    }

    @Test
    void tooFewRowsOrASingleRowOfAClassLeaveTheIntervalUndefined() {
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 100, 0.95);
        Frame nine = FRAME.slice(IntStream.range(0, 9).toArray());
        assertThat(MetricIntervals.of(nine, SCHEMA, SETTINGS, Evaluator.evaluate(nine, SCHEMA, SETTINGS), List.of("recall"), ci, 1)
                .get("recall").undefinedReason())
                .isEqualTo("a bootstrap interval needs at least 10 rows, got 9; evaluate more rows or a wider slice.");
        int firstBad = IntStream.range(0, 300).filter(i -> SOURCE.get("label").get(i).asText().equals("bad")).findFirst().orElseThrow();
        int[] rows = IntStream.concat(IntStream.of(firstBad),
                IntStream.range(0, 300).filter(i -> SOURCE.get("label").get(i).asText().equals("good")).limit(20)).toArray();
        Frame oneBad = FRAME.slice(rows);
        assertThat(MetricIntervals.of(oneBad, SCHEMA, SETTINGS, Evaluator.evaluate(oneBad, SCHEMA, SETTINGS), List.of("recall"),
                ci, 1).get("recall").undefinedReason())
                .isEqualTo("class 'bad' has a single row, and the bootstrap resamples each class separately, which needs at least"
                        + " 2 rows per class; evaluate more rows or a wider slice.");
    }

    @Test
    void bcaOnMoreRowsThanItsJackknifeCanAffordAsksForPercentile() {
        int[] rows = IntStream.range(0, MetricBootstrap.BCA_MAX_ROWS + 1).map(i -> i % 300).toArray();
        Frame big = FRAME.slice(rows);
        assertThat(MetricIntervals.of(big, SCHEMA, SETTINGS, Evaluator.evaluate(big, SCHEMA, SETTINGS), List.of("recall"),
                IntervalSettings.defaults(), 1).get("recall").undefinedReason())
                .isEqualTo("a BCa interval evaluates the metrics once without each row (the jackknife), 20001 times here, which"
                        + " takes too long above 20000 rows; use method percentile.");
    }

    @Test
    void settingsOutOfRangeNameTheKey() {
        assertThatThrownBy(() -> new IntervalSettings(IntervalMethod.BCA, 99, 0.95)).isInstanceOf(InvalidInputException.class)
                .hasMessage("'resamples' must be at least 100 for a bootstrap interval, got 99. Use 1000 or more for 95% intervals.");
        assertThatThrownBy(() -> new IntervalSettings(IntervalMethod.PERCENTILE, 1000, 1.0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("'level' must be a confidence level between 0 and 1 (exclusive), got 1.0. Use e.g. 0.95 for a 95% interval.");
        assertThat(new IntervalSettings(IntervalMethod.WILSON, 0, 0.9).describe())
                .containsExactly(Map.entry("ci.method", "wilson"), Map.entry("ci.level", "0.9"));
        assertThat(IntervalSettings.defaults().describe()).containsExactly(Map.entry("ci.method", "bca"),
                Map.entry("ci.resamples", "1000"), Map.entry("ci.level", "0.95"));
    }
}
