package dev.assay.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.slicing.Binning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** P-values and BH-adjusted p-values of every slice tried, against SciPy and statsmodels (segments_golden.py). */
class WeakSegmentSearchGoldenTest {

    @Test
    void everySliceTriedMatchesFisherExactAndFdrBh() {
        JsonNode golden = AdultSegments.golden();
        List<String> columns = new ArrayList<>();
        golden.get("columns").forEach(c -> columns.add(c.asText()));
        int checked = 0;
        for (JsonNode c : golden.get("cases")) {
            SegmentMetric metric = SegmentMetric.parse(c.get("metric").asText());
            SegmentSettings settings = new SegmentSettings(metric, Binning.DEFAULT, true, golden.get("min_size").asInt(), 0.05, 10);
            SegmentReport report = WeakSegmentSearch.search(AdultSegments.frame(), columns, AdultSegments.outcomes(), settings);
            Map<String, SliceTest> byName = new LinkedHashMap<>();
            report.tests().forEach(t -> byName.put(t.slice().describe(), t));
            assertThat(report.tried()).as(metric.id()).isEqualTo(c.get("tried").size());
            assertThat(report.duplicates()).isZero();
            for (JsonNode g : c.get("tried")) {
                String name = g.get("slice").asText();
                SliceTest t = byName.get(name);
                assertThat(t).as(metric.id() + " " + name).isNotNull();
                assertThat(t.slice().size()).as(name).isEqualTo(g.get("rows").asInt());
                assertThat(t.count()).as(name).isEqualTo(g.get("count").asInt());
                assertThat(t.successes()).as(name).isEqualTo(g.get("successes").asInt());
                assertRelative(metric.id() + " p of " + name, t.pValue(), g.get("p").asDouble());
                assertRelative(metric.id() + " adjusted p of " + name, t.adjustedP(), g.get("adjusted").asDouble());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static void assertRelative(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-300, Math.abs(expected) * 1e-9)));
    }
}
