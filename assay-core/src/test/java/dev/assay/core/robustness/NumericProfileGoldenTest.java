package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The spreads that scale noise, against pandas {@code Series.std()} and numpy {@code percentile} on the numeric
 * columns of Adult ({@code robustness_spreads_adult.json}, {@code scripts/golden/robustness_golden.py}).
 */
class NumericProfileGoldenTest {

    @Test
    void spreadsMatchPandasAndNumpy() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../examples/models/adult.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        JsonNode golden = Golden.read("robustness_spreads_adult.json").get("columns");
        assertThat(golden.size()).isEqualTo(6);
        Iterator<Map.Entry<String, JsonNode>> it = golden.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int c = header.indexOf(e.getKey());
            double[] values = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
            NumericProfile p = NumericProfile.of(values);
            JsonNode g = e.getValue();
            assertThat(p.count()).isEqualTo(g.get("count").asInt());
            assertThat(p.std()).as(e.getKey()).isCloseTo(g.get("std").asDouble(), within(1e-9 * g.get("std").asDouble()));
            assertThat(p.iqr()).as(e.getKey()).isCloseTo(g.get("iqr").asDouble(), within(1e-12));
            assertThat(p.min()).isEqualTo(g.get("min").asDouble());
            assertThat(p.max()).isEqualTo(g.get("max").asDouble());
            assertThat(p.integer()).isEqualTo(g.get("integer").asBoolean());
            assertThat(p.spread(NumericProfile.Spread.IQR)).isEqualTo(p.iqr());
        }
    }
}
