package dev.assay.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Frame;
import dev.assay.core.drift.CsvFrames;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Profiles of real data against pandas 1.5.3 (exact statistics) and NumPy 1.24.2 (quantiles, within the
 * KLL rank error), {@code golden/profile.json} from {@code scripts/golden/profile_golden.py}.
 */
class ProfileGoldenTest {
    static JsonNode golden() throws IOException {
        try (InputStream in = ProfileGoldenTest.class.getResourceAsStream("/golden/profile.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Frame frame(JsonNode data) {
        return CsvFrames.read(data.get("file").asText(), r -> true, new ArrayList<>(), Integer.MAX_VALUE);
    }

    @Test
    void exactStatisticsMatchPandasAndQuantilesStayWithinTheRankError() throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = golden().get("data").fields(); it.hasNext();) {
            JsonNode data = it.next().getValue();
            DatasetProfile profile = Profiler.profile(frame(data), data.get("file").asText());
            check(profile, data.get("columns"));
        }
    }

    static void check(DatasetProfile profile, JsonNode columns) {
        for (Iterator<Map.Entry<String, JsonNode>> c = columns.fields(); c.hasNext();) {
            Map.Entry<String, JsonNode> e = c.next();
            JsonNode g = e.getValue();
            ColumnProfile p = profile.column(e.getKey());
            assertThat(p.type()).as(e.getKey()).isEqualTo(g.get("type").asText());
            assertThat(p.rows()).as(e.getKey()).isEqualTo(g.get("rows").asLong());
            assertThat(p.missing()).as(e.getKey()).isEqualTo(g.get("missing").asLong());
            if (p instanceof NumericProfile) {
                numeric((NumericProfile) p, g);
            } else {
                CategoryProfile cat = (CategoryProfile) p;
                Map<String, Long> counts = cat.counts();
                long error = cat.maximumError();
                if (g.get("distinct").asInt() < 0.75 * CategoryProfile.MAP_SIZE) {
                    assertThat(error).as(e.getKey()).isZero();
                    assertThat(counts).hasSize(g.get("counts").size());
                } else {
                    assertThat(error).as(e.getKey()).isPositive();
                }
                counts.forEach((k, v) -> assertThat(v).as(e.getKey() + "=" + k)
                        .isBetween(g.get("counts").get(k).asLong(), g.get("counts").get(k).asLong() + error));
                assertThat(cat.distinct()).as(e.getKey()).isCloseTo(g.get("distinct").asDouble(), Percentage.withPercentage(5));
            }
        }
    }

    private static void numeric(NumericProfile p, JsonNode g) {
        String name = p.name();
        assertThat(p.count()).as(name).isEqualTo(g.get("count").asLong());
        assertThat(p.min()).as(name).isEqualTo(g.get("min").asDouble());
        assertThat(p.max()).as(name).isEqualTo(g.get("max").asDouble());
        double mean = g.get("mean").asDouble();
        double variance = g.get("variance").asDouble();
        assertThat(p.moments().mean()).as(name).isCloseTo(mean, within(1e-12 * Math.max(1, Math.abs(mean))));
        assertThat(p.moments().variance()).as(name).isCloseTo(variance, within(1e-10 * Math.max(1, variance)));
        JsonNode grid = g.get("quantile_grid");
        JsonNode q = g.get("quantiles");
        // numpy's quantiles on a grid of step 0.005: the sketch's p-quantile lies between numpy's at p - eps and p + eps
        double eps = p.rankError();
        int n = grid.size();
        for (int i = 0; i < n; i++) {
            double at = grid.get(i).asDouble();
            double lo = q.get(index(Math.floor((at - eps) * (n - 1)), n)).asDouble();
            double hi = q.get(index(Math.ceil((at + eps) * (n - 1)), n)).asDouble();
            assertThat(p.quantile(at)).as(name + " quantile " + at).isBetween(lo, hi);
        }
    }

    /** Grid position {@code i} clamped to the grid. */
    private static int index(double i, int n) {
        return (int) Math.max(0, Math.min(n - 1, i));
    }
}
