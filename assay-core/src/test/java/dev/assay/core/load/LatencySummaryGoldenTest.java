package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Percentiles of recorded latencies against numpy's inverted_cdf percentiles (golden/load/PROVENANCE.md). */
class LatencySummaryGoldenTest {

    @Test
    void percentilesMatchNumpyToThreeSignificantDigits() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/load/latency_percentiles.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        Histogram h = new Histogram(3);
        golden.get("values_ns").forEach(v -> h.recordValue(v.asLong()));
        LatencySummary s = LatencySummary.of(h);
        JsonNode p = golden.get("percentiles_ms");
        assertThat(s.count()).isEqualTo(golden.get("values_ns").size());
        assertThat(s.p50()).isCloseTo(p.get("50").asDouble(), withinPercentage(0.1));
        assertThat(s.p90()).isCloseTo(p.get("90").asDouble(), withinPercentage(0.1));
        assertThat(s.p99()).isCloseTo(p.get("99").asDouble(), withinPercentage(0.1));
        assertThat(s.p999()).isCloseTo(p.get("99.9").asDouble(), withinPercentage(0.1));
        assertThat(s.max()).isCloseTo(p.get("100").asDouble(), withinPercentage(0.1));
        assertThat(s.mean()).isCloseTo(golden.get("mean_ms").asDouble(), withinPercentage(0.1));
    }

    @Test
    void nothingRecordedIsNaN() {
        LatencySummary s = LatencySummary.of(new Histogram(3));
        assertThat(s.count()).isZero();
        assertThat(s.p99()).isNaN();
        assertThat(s.max()).isNaN();
    }
}
