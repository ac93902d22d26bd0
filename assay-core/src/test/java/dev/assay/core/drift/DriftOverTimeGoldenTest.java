package dev.assay.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.drift.time.DriftOverTime;
import dev.assay.core.drift.time.TimeDrift;
import dev.assay.core.drift.time.Timestamps;
import dev.assay.core.drift.time.WindowResult;
import dev.assay.core.drift.time.WindowSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Per-window drift of Seattle 2013-2015 against 2012 matches {@code golden/drift_time.json}
 * (pandas resampling, SciPy {@code ks_2samp}; {@code scripts/golden/drift_time_golden.py}).
 */
class DriftOverTimeGoldenTest {
    private static final String SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv";
    private static final List<String> NUMERIC = List.of("precipitation", "temp_max", "temp_min", "wind");
    private static final DriftSettings KS_RAW = new DriftSettings(DriftMethod.KS, null, Map.of(), false, 0, 0.5, 10);

    static JsonNode golden() throws IOException {
        try (InputStream in = DriftOverTimeGoldenTest.class.getResourceAsStream("/golden/drift_time.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Frame year(boolean reference) {
        return CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012") == reference, new ArrayList<>(), Integer.MAX_VALUE);
    }

    private static TimeDrift run(Frame current, WindowSpec spec, List<String> columns, DriftSettings settings) {
        LocalDateTime[] times = Timestamps.parse(current, "current.csv", "date");
        return DriftOverTime.run(year(true), "2012", Dataset.of("current", current, Schema.empty()), "current.csv", times,
                columns, spec, settings, 2, 3, null);
    }

    @ParameterizedTest
    @CsvSource({"monthly, monthly", "weekly, weekly", "100, rows_100"})
    void perWindowKolmogorovSmirnovMatchesScipy(String window, String key) throws IOException {
        JsonNode expected = golden().get(key);
        TimeDrift result = run(year(false), WindowSpec.parse(window), NUMERIC, KS_RAW);
        assertThat(result.windows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            WindowResult w = result.windows().get(i);
            assertThat(w.label()).isEqualTo(e.get("window").asText());
            assertThat(w.rows()).isEqualTo(e.get("rows").asInt());
            for (String c : NUMERIC) {
                ColumnDrift d = w.drift().column(c).orElseThrow();
                assertThat(d.statistic()).as(w.label() + " " + c).isCloseTo(e.get(c).get("statistic").asDouble(), within(1e-12));
                double p = e.get(c).get("p_value").asDouble();
                assertThat(d.pValue()).as(w.label() + " " + c).isCloseTo(p, within(Math.max(1e-10, 1e-8 * p)));
            }
        }
    }

    @Test
    void aPlantedShiftIsFlaggedInTheWindowOfItsDate() throws IOException {
        JsonNode golden = golden().get("planted");
        Frame current = year(false);
        NumericColumn wind = (NumericColumn) current.column("wind");
        double[] shifted = wind.toArray();
        for (int row = 0; row < shifted.length; row++) {
            if (current.column("date").format(row).compareTo(golden.get("from").asText()) >= 0) {
                shifted[row] += golden.get("wind_plus").asDouble();
            }
        }
        Frame planted = current.withColumn(NumericColumn.wrap("wind", shifted));
        TimeDrift result = run(planted, WindowSpec.parse("monthly"), List.of("wind"), DriftSettings.DEFAULT);
        for (int i = 0; i < result.windows().size(); i++) {
            assertThat(result.windows().get(i).drift().column("wind").orElseThrow().pValue())
                    .isCloseTo(golden.get("monthly").get(i).get("wind").get("p_value").asDouble(), within(1e-10));
        }
        assertThat(result.windows().get(result.firstDriftWindow()).label()).isEqualTo("2014-07");
        // unshifted, the same column drifts in some months (seasons) but not persistently
        TimeDrift natural = run(current, WindowSpec.parse("monthly"), List.of("wind"), DriftSettings.DEFAULT);
        assertThat(natural.driftedWindows()).isPositive();
        assertThat(natural.firstDriftWindow()).isEqualTo(-1);
    }
}
