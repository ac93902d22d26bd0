package dev.assay.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index sets numpy drew in scripts/golden/uncertainty_golden.py, evaluated by Assay: the
 * replicates and jackknife values must equal scikit-learn's, and the intervals scipy's.
 */
class BootstrapGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap_binary_german_credit.json", "bootstrap_regression_professor_salaries.json"})
    void replicatesAndIntervalsMatchScikitLearnAndScipy(String file) {
        JsonNode golden = Golden.read("uncertainty/" + file);
        JsonNode source = Golden.read(golden.get("source").asText());
        Frame frame = Golden.frame(source);
        Schema schema = Golden.schema(source);
        EvaluationSettings settings = EvaluationSettings.defaults()
                .withTask(Task.valueOf(source.get("task").asText().toUpperCase(java.util.Locale.ROOT)));
        int[][] resamples = Golden.intRows(golden.get("resamples"));
        int[][] strata = Golden.intRows(golden.get("strata"));
        List<String> ids = new ArrayList<>();
        golden.get("metrics").fieldNames().forEachRemaining(ids::add);
        double level = golden.get("level").asDouble();

        double[][] replicates = MetricBootstrap.replicates(frame, schema, settings, ids, resamples.length, b -> resamples[b]);
        double[][][] jackknife = MetricBootstrap.jackknife(frame, schema, settings, ids, strata);
        for (int m = 0; m < ids.size(); m++) {
            JsonNode expected = golden.get("metrics").get(ids.get(m));
            String id = ids.get(m);
            double[] want = Golden.doubles(expected.get("replicates"));
            for (int b = 0; b < want.length; b++) {
                assertThat(replicates[m][b]).as("%s on resample %d", id, b).isCloseTo(want[b], within(1e-12 * Math.max(1, Math.abs(want[b]))));
            }
            double[][] wantJack = Golden.doubleRows(expected.get("jackknife"));
            for (int j = 0; j < wantJack.length; j++) {
                for (int i = 0; i < wantJack[j].length; i++) {
                    assertThat(jackknife[m][j][i]).as("%s without row %d of stratum %d", id, i, j)
                            .isCloseTo(wantJack[j][i], within(1e-12 * Math.max(1, Math.abs(wantJack[j][i]))));
                }
            }
            // the interval arithmetic on the reference's own numbers
            double estimate = expected.get("estimate").asDouble();
            double tolerance = 1e-9 * Math.max(1, Math.abs(estimate));
            assertThat(BootstrapIntervals.biasCorrection(want, estimate)).as("z0 of %s", id)
                    .isCloseTo(expected.get("bias_correction").asDouble(), within(1e-9));
            assertThat(BootstrapIntervals.acceleration(wantJack)).as("a of %s", id)
                    .isCloseTo(expected.get("acceleration").asDouble(), within(1e-9));
            double[] levels = BootstrapIntervals.bcaLevels(expected.get("bias_correction").asDouble(),
                    expected.get("acceleration").asDouble(), level);
            assertThat(levels[0]).isCloseTo(expected.get("bca_levels").get(0).asDouble(), within(1e-9));
            assertThat(levels[1]).isCloseTo(expected.get("bca_levels").get(1).asDouble(), within(1e-9));
            assertInterval(BootstrapIntervals.percentile(replicates[m], level).interval(), expected.get("percentile"), level,
                    "bootstrap-percentile", tolerance);
            assertInterval(BootstrapIntervals.bca(replicates[m], estimate, jackknife[m], level).interval(), expected.get("bca"),
                    level, "bootstrap-bca", tolerance);
        }
    }

    private static void assertInterval(Interval got, JsonNode want, double level, String method, double tolerance) {
        assertThat(got.lower()).isCloseTo(want.get(0).asDouble(), within(tolerance));
        assertThat(got.upper()).isCloseTo(want.get(1).asDouble(), within(tolerance));
        assertThat(got.level()).isEqualTo(level);
        assertThat(got.method()).isEqualTo(method);
    }
}
