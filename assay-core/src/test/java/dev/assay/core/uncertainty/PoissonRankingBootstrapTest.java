package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.stats.ScoreRanking;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The Poisson bootstrap of the ranking metrics: its draws, its agreement with the multinomial bootstrap, its determinism. */
class PoissonRankingBootstrapTest {
    private static final List<String> IDS = List.of("roc_auc", "average_precision");

    @Test
    void drawsFollowThePoissonDistributionWithMeanOne() {
        PoissonRankingBootstrap.Draws draws = new PoissonRankingBootstrap.Draws(new SplittableRandom(5));
        int n = 4_000_000;
        long[] counts = new long[20];
        for (int i = 0; i < n; i++) {
            counts[draws.next()]++;
        }
        double pmf = Math.exp(-1);
        for (int k = 0; k <= 7; k++) {
            double sd = Math.sqrt(n * pmf * (1 - pmf));
            assertThat((double) counts[k]).as("k = %d", k).isCloseTo(n * pmf, within(5 * sd));
            pmf /= k + 1;
        }
    }

    @Test
    void theInversionGivesTheProbabilitiesOfPoissonOne() {
        double pmf = Math.exp(-1);
        long below = 0;
        for (int k = 0; k <= 10; k++) {
            long next = below + Math.round(Math.scalb(pmf, 53));
            // the draw is k exactly on [below, next): check both ends of the step
            assertThat(PoissonRankingBootstrap.inverse(below)).isEqualTo(k);
            assertThat(PoissonRankingBootstrap.inverse(next - 2)).isEqualTo(k);
            below = next;
            pmf /= k + 1;
        }
    }

    /**
     * On the rows of the Adult fixture (2,500 model scores) repeated 80 times (200,000 rows, the
     * threshold of the Poisson path), the Poisson and the multinomial bootstrap give the same 95 %
     * interval of roc_auc and average_precision to within a tenth of its width.
     */
    @Test
    void agreesWithTheMultinomialBootstrapOnRealScores() {
        JsonNode source = Golden.read("binary_adult.json");
        double[] score = Golden.doubles(source.get("score"));
        int copies = PoissonRankingBootstrap.MIN_ROWS / score.length;
        int n = score.length * copies;
        String[] labels = new String[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = source.get("label").get(i % score.length).asText();
            scores[i] = score[i % score.length];
        }
        Frame frame = Frame.of("adult x" + copies, List.of(CategoricalColumn.of("y", labels), NumericColumn.wrap("s", scores)));
        Schema schema = Schema.builder().label("y").score("s").build();
        Evaluation evaluation = Evaluator.evaluate(frame, schema, EvaluationSettings.defaults());
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 1000, 0.95);
        Map<String, IntervalEstimate> poisson = MetricIntervals.of(frame, schema, EvaluationSettings.defaults(), evaluation, IDS, ci, 3);
        int[][] strata = MetricBootstrap.strata(frame.column("y", "label"));
        double[][] multinomial = RankingBootstrap.replicates(evaluation.binaryScores().orElseThrow().ranking(), IDS, strata,
                streams(3, 1000));
        for (int m = 0; m < IDS.size(); m++) {
            var expected = BootstrapIntervals.percentile(multinomial[m], 0.95).interval();
            var actual = poisson.get(IDS.get(m)).interval();
            double width = expected.upper() - expected.lower();
            assertThat(width).isPositive();
            assertThat(actual.lower()).as(IDS.get(m) + " lower").isCloseTo(expected.lower(), within(0.1 * width));
            assertThat(actual.upper()).as(IDS.get(m) + " upper").isCloseTo(expected.upper(), within(0.1 * width));
            assertThat(actual.lower()).isLessThan(evaluation.metric(IDS.get(m)).value());
            assertThat(actual.upper()).isGreaterThan(evaluation.metric(IDS.get(m)).value());
        }
    }

    @Test
    void weightedRowsCountTheirWeightAndTheThreadCountChangesNothing() throws Exception {
        JsonNode source = Golden.read("binary_adult_ties_weighted.json");
        double[] score = Golden.doubles(source.get("score"));
        double[] weight = Golden.doubles(source.get("weight"));
        boolean[] truth = new boolean[score.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = source.get("label").get(i).asText().equals(source.get("positive").asText());
        }
        ScoreRanking weighted = new ScoreRanking(truth, score, weight);
        double[][] common = PoissonRankingBootstrap.replicates(weighted, IDS, streams(9, 64));
        double[][] single = new ForkJoinPool(1).submit(() -> PoissonRankingBootstrap.replicates(weighted, IDS, streams(9, 64))).get();
        assertThat(single).isDeepEqualTo(common);
        double[] doubled = weight.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        // scaling every weight scales both axes of the curve and leaves each replicate unchanged
        double[][] scaled = PoissonRankingBootstrap.replicates(new ScoreRanking(truth, score, doubled), IDS, streams(9, 64));
        for (int m = 0; m < IDS.size(); m++) {
            for (int b = 0; b < 64; b++) {
                assertThat(scaled[m][b]).isCloseTo(common[m][b], within(1e-12));
            }
        }
        double[][] unweighted = PoissonRankingBootstrap.replicates(new ScoreRanking(truth, score, null), IDS, streams(9, 64));
        assertThat(unweighted[0]).isNotEqualTo(common[0]);
    }

    private static SplittableRandom[] streams(long seed, int count) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] out = new SplittableRandom[count];
        for (int b = 0; b < count; b++) {
            out[b] = root.split();
        }
        return out;
    }
}
