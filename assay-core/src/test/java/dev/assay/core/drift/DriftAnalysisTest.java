package dev.assay.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.segments.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy around the methods: auto choice, FDR control, thresholds, effect sizes and bad columns. */
class DriftAnalysisTest {
    private static final List<String> WEATHER = List.of("precipitation", "temp_max", "temp_min", "wind", "weather");

    private static Frame year(String y) {
        return CsvFrames.read("assay-core/src/test/resources/drift/seattle_weather.csv", r -> r[0].startsWith(y),
                new ArrayList<>(), Integer.MAX_VALUE);
    }

    @Test
    void autoTestsSmallSamplesAndAdjustsTheirPValuesTogether() {
        DriftReport report = DriftAnalysis.compare(year("2012"), "2012", year("2015"), "2015", WEATHER, DriftSettings.DEFAULT);
        assertThat(report.column("temp_max").orElseThrow().method()).isEqualTo(DriftMethod.KS);
        assertThat(report.column("weather").orElseThrow().method()).isEqualTo(DriftMethod.CHI2);
        double[] raw = report.columns().stream().mapToDouble(ColumnDrift::pValue).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            ColumnDrift c = report.columns().get(i);
            assertThat(c.adjustedP()).isEqualTo(adjusted[i]);
            assertThat(c.drift()).isEqualTo(adjusted[i] < 0.05);
        }
        // precipitation: raw p 0.066, wind: 0.217 -> not drifted; temp_max, temp_min, weather drifted
        assertThat(report.drifted()).isEqualTo(3);
        assertThat(report.driftShare()).isCloseTo(0.6, within(1e-15));
        assertThat(report.datasetDrift()).isTrue();
        // temp_min: raw p 0.0112 is below 0.05, adjusted too; with threshold 0.01 only the raw one would flag it
        DriftSettings strict = new DriftSettings(null, 0.01, Map.of("weather", 1e-100), true, 0, 0.5, 10);
        DriftReport s = DriftAnalysis.compare(year("2012"), "2012", year("2015"), "2015", WEATHER, strict);
        assertThat(s.column("temp_min").orElseThrow().drift()).isFalse();
        assertThat(s.column("temp_max").orElseThrow().drift()).isTrue();
        assertThat(s.column("weather").orElseThrow().threshold()).isEqualTo(1e-100);
        assertThat(s.column("weather").orElseThrow().drift()).isFalse();
        assertThat(s.datasetDrift()).isFalse();
    }

    @Test
    void autoMeasuresDistancesAboveAThousandRows() {
        Frame all = CsvFrames.read("assay-core/src/test/resources/drift/seattle_weather.csv", r -> r[0].compareTo("2015") < 0,
                new ArrayList<>(), Integer.MAX_VALUE);
        DriftReport report = DriftAnalysis.compare(all, "2012-2014", year("2015"), "2015", WEATHER, DriftSettings.DEFAULT);
        ColumnDrift wind = report.column("wind").orElseThrow();
        assertThat(wind.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(wind.pValue()).isNaN();
        assertThat(wind.drift()).isEqualTo(wind.statistic() >= 0.1);
        assertThat(wind.statistic()).isEqualTo(wind.effectSize());
        assertThat(report.column("weather").orElseThrow().method()).isEqualTo(DriftMethod.JENSEN_SHANNON);
    }

    @Test
    void minimumEffectKeepsTinySignificantShiftsFromCountingAsDrift() {
        DriftSettings ks = new DriftSettings(DriftMethod.KS, null, Map.of(), true, 0.32, 0.5, 10);
        DriftReport report = DriftAnalysis.compare(year("2012"), "2012", year("2015"), "2015", WEATHER, ks);
        ColumnDrift tempMax = report.column("temp_max").orElseThrow();
        assertThat(tempMax.adjustedP()).isLessThan(0.05);
        assertThat(tempMax.effectSize()).isCloseTo(0.3043, within(1e-4));
        assertThat(tempMax.drift()).isFalse();
        assertThat(report.column("temp_min").orElseThrow().drift()).isTrue();
        // a numbers-only method on a category column gives way to chi-square, named in the result
        assertThat(report.column("weather").orElseThrow().method()).isEqualTo(DriftMethod.CHI2);
    }

    @Test
    void badColumnsAreReportedAndTheOthersStillChecked() {
        Frame ref = Frame.of(NumericColumn.of("x", 1, 2, 3, 4), NumericColumn.of("mixed", 1, 2, 3, 4),
                NumericColumn.of("empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN), CategoricalColumn.of("c", "a", "b", "a", "b"));
        Frame cur = Frame.of(NumericColumn.of("x", 5, 6, 7, 8), TextColumn.of("mixed", "1", "two", "3", "4"),
                NumericColumn.of("empty", 1, 2, 3, 4), CategoricalColumn.of("c", "a", "a", "a", "c"));
        DriftReport report = DriftAnalysis.compare(ref, "ref.csv", cur, "cur.csv", List.of("x", "mixed", "empty", "nope", "c"),
                new DriftSettings(DriftMethod.KS, null, Map.of(), true, 0, 0.5, 10));
        assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("x", "c");
        assertThat(report.problems().get("mixed")).contains("numbers in ref.csv but text in cur.csv (e.g. 'two')");
        assertThat(report.problems().get("empty")).contains("no values in ref.csv");
        assertThat(report.problems().get("nope")).contains("neither ref.csv nor cur.csv");
        ColumnDrift x = report.column("x").orElseThrow();
        assertThat(x.statistic()).isEqualTo(1.0);
        assertThat(x.pValue()).isCloseTo(2.0 / 70, within(1e-15));
        assertThat(x.exact()).isTrue();
        assertThat(report.column("c").orElseThrow().method()).isEqualTo(DriftMethod.CHI2);
    }

    @Test
    void chiSquareOnNumbersKeepsCloseValuesApart() {
        NumericSample ref = NumericSample.of("x", new double[] {1.0000001, 1.0000001, 1.0000002, 2});
        NumericSample cur = NumericSample.of("x", new double[] {1.0000002, 1.0000002, 1.0000001, 2});
        Binned bins = Binned.values(ref, cur);
        assertThat(bins.labels()).containsExactly("1.0000001", "1.0000002", "2");
        assertThat(bins.reference()).containsExactly(2, 1, 1);
        assertThat(bins.current()).containsExactly(1, 2, 1);
        assertThat(Binned.quantiles(ref, cur, 2).labels()).containsExactly("(-inf, 1]", "(1, inf)");
    }

    @Test
    void dataWithoutRowsIsAnInputError() {
        Frame ref = Frame.of(NumericColumn.of("x"));
        Frame cur = Frame.of(NumericColumn.of("x", 1, 2));
        assertThatThrownBy(() -> DriftAnalysis.compare(ref, "ref.csv", cur, "cur.csv", List.of("x"), DriftSettings.DEFAULT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ref.csv has no rows");
    }
}
