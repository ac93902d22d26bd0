package dev.assay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.chart.XYChart;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.registry.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunHistoryTest {
    @TempDir
    Path dir;

    static Stream<Named<Function<Path, Database>>> backends() {
        return Backends.all().stream();
    }

    private static SuiteResult result(double auc, double recall) {
        CheckResult check = new CheckResult("Ranks", "metric", Status.PASS, null, List.of(Measurement.of("roc_auc", auc, 300),
                Measurement.of("recall", "sex=female", recall, 90), Measurement.of("log_loss", Double.NaN, 300)), List.of(),
                List.of(), List.of(), List.of(), Duration.ofMillis(5));
        Provenance p = new Provenance("0.1.0", Instant.parse("2026-03-01T09:00:00Z"),
                List.of(new DatasetInfo("current", "test.csv", 300, 21, "sha256:" + "a".repeat(64))), Map.of(), Map.of(),
                Map.of("java", "17.0.12"));
        return new SuiteResult("gate", "", List.of(check), p, Duration.ofMillis(9));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void recordsRunsAndReadsTrendsBackInOrder(Function<Path, Database> backend) {
        Database db = backend.apply(dir);
        RunStore store = new SqlRunStore(db);
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        RecordedRun first = store.record(RunHistory.of(result(0.70, 0.5), "credit", 2, "/out/report.json", t));
        RecordedRun second = store.record(RunHistory.of(result(0.74, 0.6), "credit", 1, null, t.plusSeconds(60)));
        assertThat(second.id()).isGreaterThan(first.id());
        List<RecordedRun> runs = store.runs("credit");
        assertThat(runs).hasSize(2);
        RecordedRun r = runs.get(0);
        assertThat(r.metrics()).containsOnly(Map.entry("Ranks / roc_auc", 0.70), Map.entry("Ranks / recall[sex=female]", 0.5));
        assertThat(r.datasets()).containsExactly(Map.entry("current", "sha256:" + "a".repeat(64)));
        assertThat(r.environment()).containsEntry("java", "17.0.12").containsEntry("assay", "0.1.0");
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.report()).isEqualTo("/out/report.json");
        assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(runs.get(1).report()).isNull();
        assertThat(store.runs("other")).isEmpty();

        assertThat(RunHistory.trends(runs, "roc_auc")).containsOnlyKeys("Ranks / roc_auc");
        CheckResult section = RunHistory.section(runs, runs.get(1));
        assertThat(section.charts()).hasSize(1);
        XYChart chart = (XYChart) section.charts().get(0);
        assertThat(chart.series().get(0).x()).containsExactly(1, 2);
        assertThat(chart.series().get(0).y()).containsExactly(0.74, 0.70);
        assertThat(section.message()).isEqualTo("2 recorded runs of credit; this run tested version 1");
    }
}
