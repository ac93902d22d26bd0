package dev.assay.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.CsvFrames;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.drift.KolmogorovSmirnov;
import dev.assay.core.drift.NumericSample;
import dev.assay.core.drift.Wasserstein;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;

/**
 * Drift against a profile on real data: the Kolmogorov-Smirnov statistic from the KLL sketch stays within
 * the sketch's rank error of the exact statistic (SciPy's {@code ks_2samp}, matched by
 * {@link KolmogorovSmirnov} in the drift golden tests), the Wasserstein distance within its bound.
 */
class ProfileDriftTest {
    private static final double EPS = KllSketch.getNormalizedRankError(NumericProfile.K, true);
    private static final String ADULT = "examples/models/adult.csv";
    private static final String SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv";

    private static DriftSettings settings(DriftMethod method) {
        return new DriftSettings(method, null, Map.of(), true, 0, DriftSettings.DEFAULT_DRIFT_SHARE, DriftSettings.DEFAULT_BINS);
    }

    @Test
    void ksFromTheSketchIsWithinTheRankErrorOfTheExactStatisticOnAdultAndSeattle() {
        int compared = 0;
        // adult: Male (21790 rows) as reference, Female (10771) as current; seattle: 2012-2013 vs 2015
        compared += compare(ADULT, r -> r[9].equals("Male"), r -> r[9].equals("Female"),
                List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"));
        compared += compare(SEATTLE, r -> r[0].startsWith("2012") || r[0].startsWith("2013"), r -> r[0].startsWith("2015"),
                List.of("precipitation", "temp_max", "temp_min", "wind"));
        assertThat(compared).isEqualTo(10);
    }

    private static int compare(String file, java.util.function.Predicate<String[]> ref,
            java.util.function.Predicate<String[]> cur, List<String> columns) {
        Frame reference = CsvFrames.read(file, ref, new ArrayList<>(), Integer.MAX_VALUE);
        Frame current = CsvFrames.read(file, cur, new ArrayList<>(), Integer.MAX_VALUE);
        DatasetProfile profile = Profiler.profile(reference, file, columns);
        DriftReport ks = ProfileDrift.compare(profile, "ref.profile", current, "cur.csv", columns, settings(DriftMethod.KS));
        DriftReport w = ProfileDrift.compare(profile, "ref.profile", current, "cur.csv", columns, settings(DriftMethod.WASSERSTEIN));
        for (String c : columns) {
            NumericSample r = NumericSample.of(c, ((NumericColumn) reference.column(c)).toArray());
            NumericSample k = NumericSample.of(c, ((NumericColumn) current.column(c)).toArray());
            assertThat(((NumericProfile) profile.column(c)).exact()).as(c).isFalse();
            ColumnDrift d = ks.column(c).orElseThrow();
            assertThat(d.methodName()).isEqualTo("ks from profile");
            assertThat(d.errorBound()).isEqualTo(EPS);
            double exact = KolmogorovSmirnov.test(r.sorted(), k.sorted()).statistic();
            assertThat(d.statistic()).as(file + " " + c + " exact D " + exact).isCloseTo(exact, within(EPS));
            ColumnDrift wd = w.column(c).orElseThrow();
            double exactW = Wasserstein.normalised(r.sorted(), k.sorted());
            assertThat(wd.statistic()).as(file + " " + c).isCloseTo(exactW, within(wd.errorBound()));
            assertThat(wd.basis()).contains("KLL sketch k=200");
        }
        return columns.size();
    }

    @Test
    void categoriesAndSmallColumnsAreExactFromTheProfile() {
        Frame reference = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), 150);
        Frame current = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), 150);
        List<String> columns = List.of("temp_max", "weather");
        DatasetProfile profile = Profiler.profile(reference, "2012.csv", columns);
        DriftReport fromProfile = ProfileDrift.compare(profile, "2012.profile", current, "2015.csv", columns, DriftSettings.DEFAULT);
        DriftReport fromData = DriftAnalysis.compare(reference, "2012.csv", current, "2015.csv", columns, DriftSettings.DEFAULT);
        for (String c : columns) {
            ColumnDrift a = fromProfile.column(c).orElseThrow();
            ColumnDrift b = fromData.column(c).orElseThrow();
            assertThat(a.method()).isEqualTo(b.method());
            assertThat(a.statistic()).as(c).isEqualTo(b.statistic());
            assertThat(a.pValue()).as(c).isEqualTo(b.pValue());
            assertThat(a.errorBound()).isZero();
            assertThat(a.basis()).contains("exact");
        }
    }

    @Test
    void aProfileWithAnotherSchemaIsAnInputErrorNamingFileAndColumns() {
        DatasetProfile profile = Profiler.profile(Frame.of(NumericColumn.of("age", 30, 40), CategoricalColumn.of("zip", "a", "b")),
                "train.csv");
        Frame current = Frame.of(CategoricalColumn.of("age", "thirty", "forty"), NumericColumn.of("income", 1, 2));
        assertThatThrownBy(() -> ProfileDrift.compare(profile, "train.profile", current, "today.csv", List.of("age", "zip", "income"),
                DriftSettings.DEFAULT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The profile train.profile was built with a different schema")
                .hasMessageContaining("column 'age' is numeric in the profile train.profile but text in today.csv")
                .hasMessageContaining("column 'zip' is in the profile train.profile but not in today.csv")
                .hasMessageContaining("column 'income' is in today.csv but not in the profile train.profile");
    }

    @Test
    void allMissingColumnIsReportedAndTheOthersStillCompared() {
        DatasetProfile profile = Profiler.profile(Frame.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.of("y", Double.NaN, Double.NaN,
                Double.NaN)), "train.csv");
        Frame current = Frame.of(NumericColumn.of("x", 1, 2, 5), NumericColumn.of("y", 1, 2, 3));
        DriftReport report = ProfileDrift.compare(profile, "train.profile", current, "today.csv", List.of("x", "y"), DriftSettings.DEFAULT);
        assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("x");
        assertThat(report.problems().get("y")).contains("no values in the profile train.profile");
        Frame none = Frame.of(NumericColumn.of("x", new double[0]), NumericColumn.of("y", new double[0]));
        assertThatThrownBy(() -> ProfileDrift.compare(profile, "train.profile", none, "empty.csv", List.of("x"), DriftSettings.DEFAULT))
                .hasMessageContaining("empty.csv has no rows");
    }
}
