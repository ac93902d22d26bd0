package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ranking fast path gives the replicates and intervals of re-evaluating each resample, on real
 * fixtures with and without tied scores and sample weights.
 */
class RankingBootstrapTest {
    private static final List<String> IDS = List.of("roc_auc", "average_precision");
    private static final EvaluationSettings SETTINGS = EvaluationSettings.defaults();

    private record Case(Frame frame, Schema schema, Evaluation evaluation) {
    }

    private static Case load(String file, boolean weighted) {
        JsonNode source = Golden.read(file);
        List<Column> cols = new ArrayList<>();
        cols.add(CategoricalColumn.of("y_true", texts(source.get("label"))));
        cols.add(NumericColumn.of("score", Golden.doubles(source.get("score"))));
        Schema.Builder schema = Schema.builder().label("y_true").score("score");
        if (source.hasNonNull("prediction") && source.get("prediction").size() > 0) {
            cols.add(CategoricalColumn.of("y_pred", texts(source.get("prediction"))));
            schema.prediction("y_pred");
        }
        if (weighted) {
            cols.add(NumericColumn.of("w", Golden.doubles(source.get("weight"))));
            schema.weight("w");
        }
        Frame frame = Frame.of(file, cols);
        Schema s = schema.build();
        return new Case(frame, s, Evaluator.evaluate(frame, s, SETTINGS));
    }

    private static String[] texts(JsonNode values) {
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asText();
        }
        return out;
    }

    /** The replicates of re-evaluating each resample, as the slow path draws them. */
    private static double[][] slow(Case c, int resamples, long seed) {
        int[][] strata = MetricBootstrap.strata(c.frame().column("y_true", "label"));
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        return MetricBootstrap.replicates(c.frame(), c.schema(), SETTINGS.withTask(c.evaluation().task()), IDS, resamples,
                b -> MetricBootstrap.draw(strata, streams[b]));
    }

    private static double[][] fast(Case c, int resamples, long seed) {
        int[][] strata = MetricBootstrap.strata(c.frame().column("y_true", "label"));
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        return RankingBootstrap.replicates(c.evaluation().binaryScores().orElseThrow().ranking(), IDS, strata, streams);
    }

    @ParameterizedTest
    @CsvSource({
        "binary_german_credit.json, false, 0",
        "binary_german_credit_ties_threshold.json, false, 0",
        "binary_adult.json, false, 0",
        "binary_german_credit_weighted.json, true, 1e-12",
        "binary_german_credit_ties_weighted.json, true, 1e-12",
        "binary_adult_ties_weighted.json, true, 1e-12",
    })
    void replicatesAndIntervalsEqualReEvaluatingEachResample(String file, boolean weighted, double tolerance) {
        Case c = load(file, weighted);
        int resamples = 200;
        double[][] slow = slow(c, resamples, 11);
        double[][] fast = fast(c, resamples, 11);
        for (int m = 0; m < IDS.size(); m++) {
            for (int b = 0; b < resamples; b++) {
                if (tolerance == 0) {
                    assertThat(fast[m][b]).as("%s resample %d", IDS.get(m), b).isEqualTo(slow[m][b]);
                } else {
                    assertThat(fast[m][b]).as("%s resample %d", IDS.get(m), b).isCloseTo(slow[m][b],
                            org.assertj.core.data.Offset.offset(tolerance));
                }
            }
        }
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, resamples, 0.9);
        assertThat(MetricBootstrap.fastRanking(c.frame(), c.evaluation(), IDS, ci)).isEqualTo(IDS);
        Map<String, IntervalEstimate> out = MetricIntervals.of(c.frame(), c.schema(), SETTINGS, c.evaluation(), IDS, ci, 11);
        for (int m = 0; m < IDS.size(); m++) {
            IntervalEstimate expected = BootstrapIntervals.percentile(slow[m], 0.9);
            assertThat(out.get(IDS.get(m)).interval().lower()).isCloseTo(expected.interval().lower(),
                    org.assertj.core.data.Offset.offset(Math.max(tolerance, 0)));
            assertThat(out.get(IDS.get(m)).interval().upper()).isCloseTo(expected.interval().upper(),
                    org.assertj.core.data.Offset.offset(Math.max(tolerance, 0)));
            if (tolerance == 0) {
                assertThat(out.get(IDS.get(m))).isEqualTo(expected);
            }
        }
    }

    @Test
    void rankingMetricsMixedWithOthersKeepEachMetricsIntervalAndAnyThreadCountGivesTheSame() throws Exception {
        Case c = load("binary_adult.json", false);
        List<String> ids = List.of("recall", "roc_auc", "log_loss", "average_precision");
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 100, 0.95);
        Map<String, IntervalEstimate> mixed = MetricIntervals.of(c.frame(), c.schema(), SETTINGS, c.evaluation(), ids, ci, 3);
        Map<String, IntervalEstimate> alone = MetricIntervals.of(c.frame(), c.schema(), SETTINGS, c.evaluation(),
                List.of("recall", "log_loss"), ci, 3);
        assertThat(mixed.get("recall")).isEqualTo(alone.get("recall"));
        assertThat(mixed.get("log_loss")).isEqualTo(alone.get("log_loss"));
        double[][] slow = slow(c, 100, 3);
        assertThat(mixed.get("roc_auc")).isEqualTo(BootstrapIntervals.percentile(slow[0], 0.95));
        assertThat(mixed.get("average_precision")).isEqualTo(BootstrapIntervals.percentile(slow[1], 0.95));
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            assertThat(one.submit(() -> MetricIntervals.of(c.frame(), c.schema(), SETTINGS, c.evaluation(), ids, ci, 3)).get())
                    .isEqualTo(mixed);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void bcaKeepsReEvaluating() {
        Case c = load("binary_german_credit.json", false);
        assertThat(MetricBootstrap.fastRanking(c.frame(), c.evaluation(), IDS,
                new IntervalSettings(IntervalMethod.BCA, 100, 0.9))).isEmpty();
    }

    @Test
    void theDrawsAreThoseOfSplittableRandomAndTheRemainderThatOfDivision() {
        assertThat(RankingBootstrap.FAST_DRAWS).isTrue();
        SplittableRandom random = new SplittableRandom(99);
        for (int t = 0; t < 200_000; t++) {
            int d = t % 3 == 0 ? 1 + random.nextInt(1000) : 1 + random.nextInt(Integer.MAX_VALUE);
            int u = t % 5 == 0 ? Integer.MAX_VALUE - random.nextInt(3) : random.nextInt() >>> 1;
            long magic = Long.divideUnsigned(-1L, d) + 1;
            assertThat(RankingBootstrap.remainder(u, d, magic)).as("%d %% %d", u, d).isEqualTo(u % d);
        }
        for (int bound : new int[] {5, 299, 1_000_003, 1 << 20, Integer.MAX_VALUE - 1}) {
            SplittableRandom a = new SplittableRandom(bound * 31L);
            SplittableRandom b = new SplittableRandom(bound * 31L);
            long magic = Long.divideUnsigned(-1L, bound) + 1;
            for (int i = 0; i < 100_000; i++) {
                assertThat(RankingBootstrap.nextInt(b, bound, bound - 1, magic)).isEqualTo(a.nextInt(bound));
            }
        }
    }

    @Test
    void moreThan65536SlotsGiveTheSameReplicatesToo() {
        int n = 80_000;
        SplittableRandom random = new SplittableRandom(8);
        double[] label = new double[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            label[i] = random.nextDouble() < 0.3 ? 1 : 0;
            score[i] = i % 7 == 0 ? 0.5 : 1 / (1 + Math.exp(-(label[i] - 0.5 + random.nextDouble())));
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = i % 5 == 0 ? 0 : 0.25 + random.nextDouble();
        }
        Frame frame = Frame.of(NumericColumn.of("y_true", label), NumericColumn.of("score", score),
                NumericColumn.of("w", weight));
        Schema schema = Schema.builder().label("y_true").score("score").build();
        Case c = new Case(frame, schema, Evaluator.evaluate(frame, schema, SETTINGS));
        assertThat(c.evaluation().binaryScores().orElseThrow().ranking().slots()).isGreaterThan(65_536);
        assertThat(fast(c, 20, 4)).isEqualTo(slow(c, 20, 4));

        Schema weighted = Schema.builder().label("y_true").score("score").weight("w").build();
        Case w = new Case(frame, weighted, Evaluator.evaluate(frame, weighted, SETTINGS));
        double[][] fast = fast(w, 20, 4);
        double[][] slow = slow(w, 20, 4);
        for (int m = 0; m < IDS.size(); m++) {
            for (int b = 0; b < 20; b++) {
                assertThat(fast[m][b]).isCloseTo(slow[m][b], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }
}
