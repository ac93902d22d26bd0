package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.Binned;
import dev.assay.core.drift.NumericSample;
import dev.assay.core.profile.CategoryProfile;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.Profiler;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles folded per Spark partition against the local profile of the same rows (Adult, 4 copies,
 * 130,244 rows, in 5 partitions): exact counts, minima, maxima and moments equal; quantiles within the
 * KLL rank error of the exact ones; values counted exactly into fixed bins.
 */
class SparkProfilesTest {
    static final List<String> NUMERIC = List.of("age", "fnlwgt", "hours-per-week", "capital-gain", "capital-loss");
    static final List<String> COLUMNS = List.of("age", "workclass", "fnlwgt", "education", "hours-per-week", "capital-gain",
            "capital-loss", "race", "sex", "native-country", "income-per-year");

    @TempDir
    static Path dir;
    static Frame local;
    static DatasetProfile spark;
    static Dataset<Row> rows;

    @BeforeAll
    static void profile() {
        Path file = AdultData.write(dir.resolve("current.csv"), 0, 32561, 4);
        local = new DataReader().read(file, "current").frame();
        rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true").csv(file.toString())
                .repartition(5);
        spark = SparkProfiles.profile(rows, COLUMNS, "current.csv");
    }

    @Test
    void countsExtremesAndMomentsEqualTheLocalProfile() {
        DatasetProfile expected = Profiler.profile(local, "current.csv", COLUMNS);
        assertThat(spark.rows()).isEqualTo(4 * 32561L).isEqualTo(expected.rows());
        assertThat(spark.sources()).containsExactly("current.csv");
        for (ColumnProfile e : expected.columns()) {
            ColumnProfile s = spark.column(e.name());
            assertThat(s.type()).as(e.name()).isEqualTo(e.type());
            assertThat(s.rows()).as(e.name()).isEqualTo(e.rows());
            assertThat(s.missing()).as(e.name()).isEqualTo(e.missing());
            if (e instanceof NumericProfile) {
                NumericProfile en = (NumericProfile) e;
                NumericProfile sn = (NumericProfile) s;
                assertThat(sn.min()).as(e.name()).isEqualTo(en.min());
                assertThat(sn.max()).as(e.name()).isEqualTo(en.max());
                assertThat(sn.moments().mean()).as(e.name()).isCloseTo(en.moments().mean(), within(1e-12 * Math.abs(en.moments().mean())));
                assertThat(sn.std()).as(e.name()).isCloseTo(en.std(), within(1e-12 * en.std()));
            } else {
                assertThat(((CategoryProfile) s).maximumError()).isZero();
                assertThat(((CategoryProfile) s).counts()).as(e.name()).isEqualTo(((CategoryProfile) e).counts());
            }
        }
        assertThat(((CategoryProfile) spark.column("native-country")).counts()).hasSize(42);
    }

    @Test
    void quantilesAreWithinTheStatedRankErrorOfTheExactOnes() {
        for (String name : NUMERIC) {
            NumericProfile s = (NumericProfile) spark.column(name);
            assertThat(s.exact()).as(name + " is sketched, not held whole").isFalse();
            assertThat(s.rankError()).isEqualTo(NumericProfile.RANK_ERROR).isBetween(0.016, 0.017);
            double[] sorted = ((NumericColumn) local.column(name)).toArray().clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            for (int i = 1; i < 100; i++) {
                double p = i / 100.0;
                double q = s.quantile(p);
                double below = (double) lowerBound(sorted, q) / n;
                double atOrBelow = (double) upperBound(sorted, q) / n;
                assertThat(p).as(name + " quantile " + p + " = " + q).isBetween(below - s.rankError(), atOrBelow + s.rankError());
            }
        }
    }

    @Test
    void valuesAreCountedExactlyIntoFixedBins() {
        for (String name : NUMERIC) {
            NumericSample sample = NumericSample.of(name, ((NumericColumn) local.column(name)).toArray());
            double[] edges = Binned.quantiles(sample, sample, 10).labels().size() > 1
                    ? sketchEdges((NumericProfile) spark.column(name)) : new double[0];
            long[] counted = SparkProfiles.counts(rows, Map.of(name, edges)).get(name);
            long[] expected = Binned.atEdges(edges, new long[edges.length + 1], sample).current();
            assertThat(counted).as(name).containsExactly(expected);
            assertThat(Arrays.stream(counted).sum()).isEqualTo(4 * 32561L);
        }
    }

    private static double[] sketchEdges(NumericProfile p) {
        return java.util.stream.IntStream.range(1, 10).mapToDouble(i -> p.quantile(i / 10.0)).distinct().sorted().toArray();
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
