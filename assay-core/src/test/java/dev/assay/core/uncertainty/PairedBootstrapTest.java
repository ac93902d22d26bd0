package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.metrics.ZeroDivision;
import dev.assay.core.result.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resamples numpy drew in scripts/golden/paired_bootstrap_golden.py, evaluated by Assay for both
 * models: the differences must equal scikit-learn's, and the intervals numpy's and scipy's.
 */
class PairedBootstrapTest {
    private static JsonNode golden;
    private static PairedBootstrap german;
    private static final List<String> IDS = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        golden = json("/compare/paired_bootstrap_german_credit.json");
        JsonNode source = json("/compare/german_credit.json");
        JsonNode label = source.get("label");
        boolean[] truth = new boolean[label.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = label.get(i).asInt() == source.get("positive").asInt();
        }
        german = new PairedBootstrap(truth, Golden.doubles(source.get("baseline_score")),
                Golden.doubles(source.get("candidate_score")), settings(golden.get("threshold").asDouble()));
        golden.get("metrics").fieldNames().forEachRemaining(IDS::add);
    }

    private static EvaluationSettings settings(double threshold) {
        return new EvaluationSettings(Task.BINARY, "1", threshold, ZeroDivision.WARN);
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = PairedBootstrapTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void differencesOnTheSameResamplesMatchScikitLearn() {
        assertThat(german.strata()).isDeepEqualTo(Golden.intRows(golden.get("strata")));
        double[][] replicates = german.replicates(Golden.intRows(golden.get("resamples")), IDS);
        Map<String, Double> full = german.differences(IDS);
        for (int m = 0; m < IDS.size(); m++) {
            JsonNode expected = golden.get("metrics").get(IDS.get(m));
            assertThat(full.get(IDS.get(m))).as(IDS.get(m)).isCloseTo(expected.get("difference").asDouble(), within(1e-12));
            double[] want = Golden.doubles(expected.get("replicates"));
            for (int b = 0; b < want.length; b++) {
                assertThat(replicates[m][b]).as("%s on resample %d", IDS.get(m), b).isCloseTo(want[b], within(1e-12));
            }
        }
    }

    @Test
    void jackknifeAndIntervalsMatchScipy() {
        double[][][] jackknife = german.jackknife(german.strata(), IDS);
        double level = golden.get("level").asDouble();
        for (int m = 0; m < IDS.size(); m++) {
            JsonNode expected = golden.get("metrics").get(IDS.get(m));
            double[][] wantJack = Golden.doubleRows(expected.get("jackknife"));
            for (int j = 0; j < wantJack.length; j++) {
                for (int i = 0; i < wantJack[j].length; i++) {
                    assertThat(jackknife[m][j][i]).as("%s without row %d of stratum %d", IDS.get(m), i, j)
                            .isCloseTo(wantJack[j][i], within(1e-12));
                }
            }
            double[] replicates = Golden.doubles(expected.get("replicates"));
            Interval percentile = BootstrapIntervals.percentile(replicates, level).interval();
            assertThat(new double[] {percentile.lower(), percentile.upper()}).as("percentile of %s", IDS.get(m))
                    .containsExactly(Golden.doubles(expected.get("percentile")), within(1e-9));
            Interval bca = BootstrapIntervals.bca(replicates, expected.get("difference").asDouble(), jackknife[m], level).interval();
            assertThat(new double[] {bca.lower(), bca.upper()}).as("BCa of %s", IDS.get(m))
                    .containsExactly(Golden.doubles(expected.get("bca")), within(1e-9));
        }
    }

    @Test
    void seededIntervalsCoverTheReferenceRoughlyAndRepeat() {
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 2000, 0.95);
        Map<String, IntervalEstimate> intervals = german.intervals(IDS, ci, 5);
        for (String id : IDS) {
            double[] want = Golden.doubles(golden.get("metrics").get(id).get("percentile"));
            double slack = 0.25 * (want[1] - want[0]);
            Interval got = intervals.get(id).interval();
            assertThat(got.lower()).as("lower end of %s", id).isCloseTo(want[0], within(slack));
            assertThat(got.upper()).as("upper end of %s", id).isCloseTo(want[1], within(slack));
        }
        assertThat(german.intervals(IDS, ci, 5)).isEqualTo(intervals);
        assertThat(german.intervals(IDS, ci, 6)).isNotEqualTo(intervals);
    }

    @Test
    void tooFewRowsOrASingleRowOfAClassIsAnError() {
        PairedBootstrap three = new PairedBootstrap(new boolean[] {true, false, true}, new double[] {0.9, 0.2, 0.4},
                new double[] {0.8, 0.3, 0.6}, settings(0.5));
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 200, 0.95);
        assertThatThrownBy(() -> three.intervals(List.of("accuracy"), ci, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 10 rows, got 3");
        boolean[] onePositive = new boolean[12];
        onePositive[4] = true;
        PairedBootstrap lonely = new PairedBootstrap(onePositive, new double[12], new double[12], settings(0.5));
        assertThatThrownBy(() -> lonely.intervals(List.of("accuracy"), ci, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The positive class has 1 row");
    }
}
