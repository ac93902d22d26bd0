package dev.assay.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Assay's isolation forest against scikit-learn's {@code IsolationForest(random_state=0)} on real
 * data (integrity_golden.py). The trees differ, so the test is statistical: the anomaly scores'
 * Spearman rank correlation exceeds 0.9, at least 12 of the 20 top outliers are shared, and the
 * mean scores agree within 0.02. Two scikit-learn forests with seeds 0 and 1..20 agree as closely:
 * rank correlation 0.949-0.964 (Pima) and 0.944-0.963 (breast cancer), top-20 overlap 12-17
 * (Pima, mean 14) and 16-20 (breast cancer, mean 17.75).
 */
class IsolationForestTest {

    @ParameterizedTest
    @CsvSource({"pima_diabetes, diabetes", "breast_cancer, diagnosis"})
    void scoresRankLikeScikitLearn(String name, String label) {
        JsonNode g = IntegrityData.golden("integrity_isolation_forest.json").get(name);
        Frame frame = IntegrityData.read(Path.of("src/test/resources/integrity/" + name + ".csv"), Set.of());
        double[][] x = matrix(frame, label);
        double[] sklearn = new double[x.length];
        for (int i = 0; i < sklearn.length; i++) {
            sklearn[i] = g.get("scores").get(i).asDouble();
        }
        double[] ours = IsolationForest.fit(x, 100, 256, 7).scores(x);
        double rho = spearman(ours, sklearn);
        int shared = overlap(top(ours, 20), top(sklearn, 20));
        assertThat(rho).as("rank correlation").isGreaterThan(0.9);
        assertThat(shared).as("shared top-20 outliers").isGreaterThanOrEqualTo(12);
        assertThat(mean(ours)).isCloseTo(mean(sklearn), org.assertj.core.api.Assertions.within(0.02));
    }

    @Test
    void sameSeedSameScoresAndAPlantedOutlierScoresHighest() {
        Frame frame = IntegrityData.read(IntegrityData.PIMA, Set.of());
        double[][] x = matrix(frame, "diabetes");
        x[100] = new double[] {17, 199, 122, 99, 846, 67.1, 2.42, 81};
        double[] a = IsolationForest.fit(x, 100, 256, 3).scores(x);
        assertThat(IsolationForest.fit(x, 100, 256, 3).scores(x)).containsExactly(a);
        assertThat(top(a, 1)).containsExactly(100);
        assertThat(a[100]).isGreaterThan(0.7);
    }

    @Test
    void averagePathLengthIsScikitLearns() {
        assertThat(IsolationForest.averagePathLength(1)).isZero();
        assertThat(IsolationForest.averagePathLength(2)).isEqualTo(1);
        // 2 * (ln(255) + 0.5772156649) - 2 * 255 / 256, as sklearn's _average_path_length([256])
        assertThat(IsolationForest.averagePathLength(256)).isCloseTo(10.244770920116851, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theCheckFlagsScoresAboveOneHalfAsScikitLearnsAutoContamination() {
        Frame frame = IntegrityData.read(IntegrityData.BREAST_CANCER, Set.of());
        CheckResult r = IntegrityData.run(new IsolationForestKind(), Map.of(), frame, null,
                Schema.builder().label("diagnosis").build());
        Map<String, Double> v = IntegrityData.values(r);
        int sklearn = IntegrityData.golden("integrity_isolation_forest.json").get("breast_cancer").get("outlier_count_auto").asInt();
        assertThat(v.get("outlier_count")).isBetween(sklearn * 0.5, sklearn * 1.5 + 5);
        CheckResult share = IntegrityData.run(new IsolationForestKind(), Map.of("contamination", 0.1), frame, null,
                Schema.builder().label("diagnosis").build());
        assertThat(IntegrityData.values(share).get("outlier_count")).isBetween(56.0, 57.0);
        assertThat(share.tables().get(0).rows().get(0).get(0).toString()).matches("row \\d+ \\(line \\d+\\)");
    }

    static double[][] matrix(Frame frame, String label) {
        String[] names = frame.columnNames().stream().filter(c -> !c.equals(label)).toArray(String[]::new);
        double[][] x = new double[frame.rowCount()][names.length];
        for (int j = 0; j < names.length; j++) {
            NumericColumn c = (NumericColumn) frame.column(names[j]);
            for (int i = 0; i < x.length; i++) {
                x[i][j] = c.get(i);
            }
        }
        return x;
    }

    static int[] top(double[] s, int k) {
        return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }

    private static int overlap(int[] a, int[] b) {
        Set<Integer> set = new HashSet<>();
        Arrays.stream(a).forEach(set::add);
        return (int) Arrays.stream(b).filter(set::contains).count();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    /** Spearman's rho: Pearson correlation of average ranks. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = mean(ra);
        double mb = mean(rb);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().sorted((a, b) -> Double.compare(v[a], v[b])).toArray(Integer[]::new);
        double[] r = new double[v.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
