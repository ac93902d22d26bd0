package dev.assay.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.Binned;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.CsvFrames;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.drift.HistogramDistances;
import dev.assay.core.drift.KolmogorovSmirnov;
import dev.assay.core.drift.NumericSample;
import dev.assay.core.drift.Wasserstein;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drift between two profiles on real data (Adult: men as reference, women as current; Seattle weather
 * 2012-2013 against 2015): KS and Wasserstein from the two KLL sketches within the combined rank error
 * of the exact statistics (SciPy's {@code ks_2samp} and {@code wasserstein_distance}, matched by the
 * drift golden tests), category statistics and small columns equal to drift on the rows, binned
 * distances exact for their bins when the rows are counted again.
 */
class ProfilesDriftTest {
    private static final String ADULT = "examples/models/adult.csv";
    private static final String SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv";
    private static final List<String> ADULT_NUMBERS = List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss",
            "hours-per-week");

    private static DriftSettings settings(DriftMethod method) {
        return new DriftSettings(method, null, Map.of(), true, 0, DriftSettings.DEFAULT_DRIFT_SHARE, DriftSettings.DEFAULT_BINS);
    }

    @Test
    void ksAndWassersteinFromTwoSketchesAreWithinTheCombinedRankError() {
        Frame men = CsvFrames.read(ADULT, r -> r[9].equals("Male"), new ArrayList<>(), Integer.MAX_VALUE);
        Frame women = CsvFrames.read(ADULT, r -> r[9].equals("Female"), new ArrayList<>(), Integer.MAX_VALUE);
        Frame early = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012") || r[0].startsWith("2013"), new ArrayList<>(),
                Integer.MAX_VALUE);
        Frame late = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), Integer.MAX_VALUE);
        int compared = compare(men, women, ADULT_NUMBERS) + compare(early, late, List.of("precipitation", "temp_max", "temp_min", "wind"));
        assertThat(compared).isEqualTo(10);
    }

    private static int compare(Frame reference, Frame current, List<String> columns) {
        ProfilePair pair = pair(reference, current, columns, true);
        DriftReport ks = ProfilesDrift.compare(pair, columns, settings(DriftMethod.KS));
        DriftReport w = ProfilesDrift.compare(pair, columns, settings(DriftMethod.WASSERSTEIN));
        double eps = 2 * NumericProfile.RANK_ERROR;
        for (String c : columns) {
            NumericSample r = sample(reference, c);
            NumericSample k = sample(current, c);
            ColumnDrift d = ks.column(c).orElseThrow();
            assertThat(d.errorBound()).isEqualTo(eps);
            assertThat(d.basis()).contains("KLL sketches k=200", "column '" + c + "': the exact D lies in");
            KolmogorovSmirnov.Result exact = KolmogorovSmirnov.test(r.sorted(), k.sorted());
            assertThat(d.statistic()).as(c + " exact D " + exact.statistic()).isCloseTo(exact.statistic(), within(eps));
            assertThat(exact.pValue()).as(c).isBetween(
                    KolmogorovSmirnov.test(r.sorted().length, k.sorted().length, Math.min(1, d.statistic() + eps)).pValue(),
                    KolmogorovSmirnov.test(r.sorted().length, k.sorted().length, Math.max(0, d.statistic() - eps)).pValue());
            ColumnDrift wd = w.column(c).orElseThrow();
            double range = Math.max(r.sorted()[r.sorted().length - 1], k.sorted()[k.sorted().length - 1])
                    - Math.min(r.sorted()[0], k.sorted()[0]);
            double std = Math.max(((NumericProfile) pair.reference().column(c)).std(), 0.001);
            assertThat(wd.errorBound()).isCloseTo(eps * range / std, within(1e-12 * wd.errorBound()));
            assertThat(wd.statistic()).as(c).isCloseTo(Wasserstein.normalised(r.sorted(), k.sorted()), within(wd.errorBound()));
        }
        return columns.size();
    }

    @Test
    void binnedDistancesAreExactForTheirBinsWhenTheRowsAreCountedAgain() {
        Frame men = CsvFrames.read(ADULT, r -> r[9].equals("Male"), new ArrayList<>(), Integer.MAX_VALUE);
        Frame women = CsvFrames.read(ADULT, r -> r[9].equals("Female"), new ArrayList<>(), Integer.MAX_VALUE);
        ProfilePair counted = pair(men, women, ADULT_NUMBERS, true);
        DriftReport psi = ProfilesDrift.compare(counted, ADULT_NUMBERS, settings(DriftMethod.PSI));
        DriftReport estimated = ProfilesDrift.compare(pair(men, women, ADULT_NUMBERS, false), ADULT_NUMBERS,
                settings(DriftMethod.PSI));
        for (String c : ADULT_NUMBERS) {
            ColumnDrift d = psi.column(c).orElseThrow();
            double[] edges = ProfileDrift.edges((NumericProfile) counted.reference().column(c), 10);
            long[] ref = Binned.atEdges(edges, new long[edges.length + 1], sample(men, c)).current();
            long[] cur = Binned.atEdges(edges, new long[edges.length + 1], sample(women, c)).current();
            assertThat(d.bins().reference()).as(c).containsExactly(ref);
            assertThat(d.bins().current()).as(c).containsExactly(cur);
            Binned exact = Binned.atEdges(edges, ref, cur);
            assertThat(d.statistic()).as(c).isEqualTo(HistogramDistances.psi(exact.referenceShares(), exact.currentShares()));
            assertThat(d.basis()).contains("counted into them exactly");
            assertThat(estimated.column(c).orElseThrow().basis()).contains("counts estimated from the sketches");
        }
    }

    @Test
    void categoriesAndSmallColumnsEqualDriftOnTheRows() {
        Frame reference = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), 150);
        Frame current = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), 150);
        List<String> columns = List.of("temp_max", "weather", "wind");
        for (DriftMethod method : new DriftMethod[] {null, DriftMethod.KS, DriftMethod.CHI2, DriftMethod.PSI}) {
            DriftSettings settings = method == null ? DriftSettings.DEFAULT : settings(method);
            DriftReport fromProfiles = ProfilesDrift.compare(pair(reference, current, columns, false), columns, settings);
            DriftReport fromData = DriftAnalysis.compare(reference, "2012.csv", current, "2015.csv", columns, settings);
            for (String c : columns) {
                ColumnDrift a = fromProfiles.column(c).orElseThrow();
                ColumnDrift b = fromData.column(c).orElseThrow();
                assertThat(a.method()).as(c).isEqualTo(b.method());
                assertThat(a.statistic()).as(method + " " + c).isCloseTo(b.statistic(), within(1e-12 * Math.max(1, b.statistic())));
                if (b.method().hasPValue()) {
                    assertThat(a.pValue()).as(method + " " + c).isCloseTo(b.pValue(), within(1e-12));
                }
                assertThat(a.effectSize()).as(c).isCloseTo(b.effectSize(), within(1e-12));
                assertThat(a.drift()).as(c).isEqualTo(b.drift());
                assertThat(a.errorBound()).isZero();
                assertThat(a.basis()).contains("exact");
            }
        }
    }

    @Test
    void missingColumnsOtherTypesAndNoValuesAreReportedAndTheOthersCompared() {
        Frame ref = Frame.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.of("y", Double.NaN, Double.NaN, Double.NaN),
                NumericColumn.of("z", 1, 2, 3));
        Frame cur = Frame.of(NumericColumn.of("x", 1, 2, 5), NumericColumn.of("y", 1, 2, 3), CategoricalColumn.of("z", "a", "b", "c"));
        ProfilePair pair = new ProfilePair(Profiler.profile(ref, "train.csv"), "train.csv", Profiler.profile(cur, "today.csv"),
                "today.csv", null);
        DriftReport report = ProfilesDrift.compare(pair, List.of("x", "y", "z", "w"), DriftSettings.DEFAULT);
        assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("x");
        assertThat(report.problems().get("y")).contains("no values in train.csv");
        assertThat(report.problems().get("z")).contains("holds numbers in train.csv but text in today.csv");
        assertThat(report.problems().get("w")).contains("is in neither train.csv nor today.csv");
        ProfilePair empty = new ProfilePair(pair.reference(), "train.csv",
                Profiler.profile(Frame.of(NumericColumn.of("x", new double[0])), "empty.csv"), "empty.csv", null);
        assertThatThrownBy(() -> ProfilesDrift.compare(empty, List.of("x"), DriftSettings.DEFAULT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("The current data empty.csv has no rows");
    }

    @Test
    void rowsAddedOneByOneGiveTheProfileOfTheFrame() {
        Frame adult = CsvFrames.read(ADULT, r -> true, new ArrayList<>(), 5000);
        List<String> columns = List.of("age", "workclass", "capital-gain", "native-country");
        boolean[] numeric = {true, false, true, false};
        ProfileBuilder builder = new ProfileBuilder(columns, numeric);
        for (int row = 0; row < adult.rowCount(); row++) {
            Object[] cells = new Object[columns.size()];
            for (int c = 0; c < cells.length; c++) {
                Column col = adult.column(columns.get(c));
                cells[c] = col.isMissing(row) ? null : numeric[c] ? (Object) ((NumericColumn) col).get(row) : col.format(row);
            }
            builder.addRow(cells);
        }
        DatasetProfile built = builder.result("adult.csv");
        DatasetProfile expected = Profiler.profile(adult, "adult.csv", columns);
        assertThat(built.rows()).isEqualTo(expected.rows());
        for (String c : columns) {
            assertThat(built.column(c).missing()).isEqualTo(expected.column(c).missing());
            if (expected.column(c) instanceof NumericProfile) {
                NumericProfile b = (NumericProfile) built.column(c);
                NumericProfile e = (NumericProfile) expected.column(c);
                assertThat(b.moments().mean()).isEqualTo(e.moments().mean());
                assertThat(b.min()).isEqualTo(e.min());
                assertThat(b.max()).isEqualTo(e.max());
                assertThat(b.count()).isEqualTo(e.count());
            } else {
                assertThat(((CategoryProfile) built.column(c)).counts()).isEqualTo(((CategoryProfile) expected.column(c)).counts());
            }
        }
        assertThatThrownBy(() -> new ProfileBuilder(columns, new boolean[] {true})).isInstanceOf(IllegalArgumentException.class);
    }

    /** The profiles of {@code columns}, with a counter over the rows when {@code counted}. */
    private static ProfilePair pair(Frame reference, Frame current, List<String> columns, boolean counted) {
        ProfilePair.BinCounter counter = edges -> {
            Map<String, long[][]> out = new LinkedHashMap<>();
            edges.forEach((c, at) -> out.put(c, new long[][] {
                Binned.atEdges(at, new long[at.length + 1], sample(reference, c)).current(),
                Binned.atEdges(at, new long[at.length + 1], sample(current, c)).current()}));
            return out;
        };
        return new ProfilePair(Profiler.profile(reference, "ref.csv", columns), "ref.csv", Profiler.profile(current, "cur.csv", columns),
                "cur.csv", counted ? counter : null);
    }

    private static NumericSample sample(Frame frame, String column) {
        return NumericSample.of(column, ((NumericColumn) frame.column(column)).toArray());
    }
}
