package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's interval histograms written as an HdrHistogram log and read back with HdrHistogram's reader. */
class HistogramLogTest {
    @TempDir
    Path dir;

    @Test
    void theLogHoldsEveryMeasuredLatencyOfTheRunWithItsTag() throws IOException, InterruptedException {
        Path file = dir.resolve("run.hlog");
        LoadResult r;
        try (HistogramLog log = HistogramLog.create(file, "test run")) {
            LoadPlan plan = LoadPlan.openLoop(200, Duration.ofMillis(600)).withWarmup(Duration.ofMillis(100))
                    .withInterval(Duration.ofMillis(200));
            r = new LoadGenerator(FailureKinds.DEFAULT, -1, i -> { }, log.tagged("rate=200")).run(sequence -> Thread.sleep(2), plan);
        }
        Histogram total = new Histogram(3);
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            assertThat(h.getTag()).isEqualTo("rate=200");
            total.add((Histogram) h);
            intervals++;
        }
        assertThat(intervals).isEqualTo(r.intervals().size()).isPositive();
        assertThat(total.getTotalCount()).isEqualTo(r.latencyMs().count()).isEqualTo(120);
        assertThat(total.getValueAtPercentile(99) / 1e6).isEqualTo(r.latencyMs().p99());
        assertThat(total.getMinValue()).isGreaterThanOrEqualTo(2_000_000);
    }
}
