package dev.assay.core.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.uncertainty.Golden;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The published expectations of imbalanced-learn's tests, the invariants of the methods on real data, and bad
 * input.
 */
class SamplersTest {
    private static final JsonNode DATA = Golden.read("resample/samplers.json").get("data");

    private static double[][] x(String name) {
        return Golden.doubleRows(DATA.get(name).get("x"));
    }

    private static Classes y(String name) {
        return Classes.of(Golden.strings(DATA.get(name).get("y")).toArray(new String[0]), true);
    }

    @Test
    void tomekLinksRemoveRows10And14And15AsImbalancedLearnsTest() {
        Resampled r = new TomekLinks(SamplingStrategy.auto()).resample(x("tomek_test"), y("tomek_test"));
        int[] removed = java.util.stream.IntStream.range(0, 20).filter(i -> Arrays.stream(r.kept()).noneMatch(k -> k == i)).toArray();
        assertThat(removed).containsExactly(10, 14, 15);
    }

    @Test
    void nearMiss1Keeps2And8And5Then9And1And6AsImbalancedLearnsTest() {
        Resampled r = new NearMiss(SamplingStrategy.auto(), 1, 3, 3).resample(x("nearmiss_test"), y("nearmiss_test"));
        assertThat(r.kept()).containsExactly(3, 10, 11, 2, 8, 5, 9, 1, 6);
    }

    @Test
    void everySmotePointLiesOnASegmentFromASeedToOneOfItsKNearestNeighbours() {
        ResampleData pima = ResampleData.pima();
        double[][] x = pima.numeric();
        Classes c = Classes.of(pima.labels(), false);
        int k = 5;
        Resampled r = new Smote(SamplingStrategy.auto(), k, 11).resample(x, c);
        int pos = c.names().indexOf("pos");
        double[][] minority = Rows.pick(x, c.rowsOf(pos));
        int[][] nns = Neighbors.excludingSelf(minority, k);
        assertThat(r.counts(c)).containsExactly(500, 500);
        for (double[] s : r.synthetic()) {
            boolean found = false;
            for (int i = 0; i < minority.length && !found; i++) {
                for (int nn : nns[i]) {
                    if (onSegment(s, minority[i], minority[nn])) {
                        found = true;
                        break;
                    }
                }
            }
            assertThat(found).as("new row %s on a seed-neighbour segment", Arrays.toString(s)).isTrue();
        }
    }

    @Test
    void adasynCountsFollowTheShareOfOtherClassesAmongNeighbours() {
        ResampleData pima = ResampleData.pima();
        double[][] x = pima.numeric();
        Classes c = Classes.of(pima.labels(), false);
        int pos = c.names().indexOf("pos");
        int[] g = Adasyn.perRow(x, c, pos, 5, 232);
        int[][] nn = Neighbors.of(x, Rows.pick(x, c.rowsOf(pos)), 6).index();
        double[] ratio = new double[g.length];
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 1; j <= 5; j++) {
                ratio[i] += c.codes()[nn[i][j]] != pos ? 1 : 0;
            }
            sum += ratio[i];
        }
        for (int i = 0; i < g.length; i++) {
            assertThat(Math.abs(g[i] - ratio[i] / sum * 232)).isLessThanOrEqualTo(0.5 + 1e-9);
        }
        assertThat(Arrays.stream(g).sum()).isBetween(232 - g.length / 2, 232 + g.length / 2);
        Resampled r = new Adasyn(SamplingStrategy.auto(), 5, 0).resample(x, c);
        assertThat(r.synthetic().length).isEqualTo(Arrays.stream(g).sum());
    }

    @Test
    void strategiesGiveImbalancedLearnsTargets() {
        Classes c = Classes.of(new String[] {"b", "a", "a", "c", "a", "b", "a", "c", "c", "a"}, false);
        assertThat(SamplingStrategy.auto().targets(c, SamplingStrategy.Purpose.OVER)).containsExactly(-1, 3, 2);
        assertThat(SamplingStrategy.parse("minority").targets(c, SamplingStrategy.Purpose.OVER)).containsExactly(-1, 3, -1);
        assertThat(SamplingStrategy.parse("all").targets(c, SamplingStrategy.Purpose.OVER)).containsExactly(0, 3, 2);
        assertThat(SamplingStrategy.auto().targets(c, SamplingStrategy.Purpose.UNDER)).containsExactly(2, -1, 2);
        assertThat(SamplingStrategy.parse("not majority").targets(c, SamplingStrategy.Purpose.UNDER)).containsExactly(-1, 2, 2);
        Classes two = Classes.of(new String[] {"x", "y", "y", "y", "y", "x", "y", "y"}, false);
        assertThat(SamplingStrategy.parse("0.5").targets(two, SamplingStrategy.Purpose.OVER)).containsExactly(1, -1);
        assertThat(SamplingStrategy.parse("0.5").targets(two, SamplingStrategy.Purpose.UNDER)).containsExactly(-1, 4);
        assertThatThrownBy(() -> SamplingStrategy.parse("0.1").targets(two, SamplingStrategy.Purpose.OVER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 0.3333");
        assertThatThrownBy(() -> SamplingStrategy.parse("most")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not one of auto");
        assertThatThrownBy(() -> SamplingStrategy.parse("0.5").targets(c, SamplingStrategy.Purpose.OVER))
                .hasMessageContaining("exactly two classes");
    }

    @Test
    void tooFewRowsForKNamesTheClassAndTheFix() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}};
        Classes c = Classes.of(new String[] {"a", "a", "a", "a", "a", "a", "a", "b", "b", "b"}, false);
        assertThatThrownBy(() -> new Smote(SamplingStrategy.auto(), 5, 0).resample(x, c)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Class 'b' has 3 rows; SMOTE with k=5 needs at least 6 (k + 1). Lower k to at most 2, or collect"
                        + " more rows of this class.");
        assertThat(new Smote(SamplingStrategy.auto(), 2, 0).resample(x, c).counts(c)).containsExactly(7, 7);
    }

    @Test
    void aSingleClassIsRefused() {
        double[][] x = {{0}, {1}};
        Classes c = Classes.of(new String[] {"a", "a"}, false);
        assertThatThrownBy(() -> new RandomOverSampler(SamplingStrategy.auto(), 0).resample(x, c))
                .hasMessage("The label has a single class ('a'); resampling needs two classes or more.");
    }

    @Test
    void adasynOnSeparatedClassesSaysToUseSmote() {
        double[][] x = new double[20][];
        String[] y = new String[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i < 14 ? i : 1000 + i};
            y[i] = i < 14 ? "a" : "b";
        }
        assertThatThrownBy(() -> new Adasyn(SamplingStrategy.auto(), 5, 0).resample(x, Classes.of(y, false)))
                .hasMessageContaining("use SMOTE instead");
    }

    static boolean onSegment(double[] s, double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < s.length; j++) {
            num += (s[j] - a[j]) * (b[j] - a[j]);
            den += (b[j] - a[j]) * (b[j] - a[j]);
        }
        double t = den == 0 ? 0 : num / den;
        if (t < -1e-12 || t > 1 + 1e-12) {
            return false;
        }
        for (int j = 0; j < s.length; j++) {
            if (Math.abs(a[j] + t * (b[j] - a[j]) - s[j]) > 1e-9 * (1 + Math.abs(s[j]))) {
                return false;
            }
        }
        return true;
    }
}
