package dev.assay.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.metrics.BinaryOutcomes;
import java.util.List;
import java.util.Random;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Under the global null, where no slice differs from the rest, Benjamini-Hochberg makes any discovery
 * at all with probability at most the FDR (it then equals Simes' test). Here the real predictions'
 * (true class, predicted class) pairs of Adult are shuffled over the rows, seed by seed, so that no
 * feature says anything about correctness; the runs with a discovery must stay within the binomial
 * bound: fewer than the count c with P(X >= c) <= 0.001 for X ~ Binomial(runs, fdr).
 */
class GlobalNullTest {
    private static final int RUNS = 100;
    private static final List<String> COLUMNS = List.of("age", "education", "marital-status", "race", "sex", "hours-per-week");

    @Test
    void discoveriesOnShuffledCorrectnessStayWithinTheFdr() {
        for (SegmentMetric metric : List.of(SegmentMetric.ACCURACY, SegmentMetric.RECALL)) {
            SegmentSettings settings = SegmentSettings.defaults(metric);
            int withDiscovery = 0;
            long tried = 0;
            for (int seed = 1; seed <= RUNS; seed++) {
                SegmentReport report = WeakSegmentSearch.search(AdultSegments.frame(), COLUMNS, shuffled(seed), settings);
                withDiscovery += report.significant() > 0 ? 1 : 0;
                tried += report.tried();
            }
            BinomialDistribution bound = BinomialDistribution.of(RUNS, settings.fdr());
            int limit = 0;
            while (bound.survivalProbability(limit - 1) > 0.001) {
                limit++;
            }
            assertThat(withDiscovery).as(metric.id() + ": runs with a discovery of " + RUNS).isLessThan(limit);
            assertThat(tried / RUNS).as("slices tried per run").isGreaterThan(100);
        }
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        SegmentSettings settings = SegmentSettings.defaults(SegmentMetric.ACCURACY);
        SegmentReport a = WeakSegmentSearch.search(AdultSegments.frame(), COLUMNS, shuffled(3), settings);
        SegmentReport b = WeakSegmentSearch.search(AdultSegments.frame(), COLUMNS, shuffled(3), settings);
        assertThat(a.tests()).extracting(SliceTest::pValue).isEqualTo(b.tests().stream().map(SliceTest::pValue).toList());
    }

    private static BinaryOutcomes shuffled(long seed) {
        boolean[] truth = AdultSegments.truth();
        boolean[] predicted = AdultSegments.predicted();
        Random random = new Random(seed);
        for (int i = truth.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = truth[i];
            truth[i] = truth[j];
            truth[j] = t;
            boolean p = predicted[i];
            predicted[i] = predicted[j];
            predicted[j] = p;
        }
        return new BinaryOutcomes(truth, predicted, ">50K");
    }
}
