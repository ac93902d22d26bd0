package dev.assay.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Profiles of parts merged equal the profile of the whole: exact statistics exactly, sketches within their error. */
class ProfileMergeTest {

    @Test
    void threePartsOfAdultMergeIntoTheProfileOfTheWhole() throws Exception {
        JsonNode data = ProfileGoldenTest.golden().get("data").get("adult");
        Frame adult = ProfileGoldenTest.frame(data);
        int n = adult.rowCount();
        int[] cuts = {0, n / 5, n / 2, n};
        DatasetProfile merged = null;
        for (int k = 0; k < 3; k++) {
            Frame part = adult.slice(IntStream.range(cuts[k], cuts[k + 1]).toArray());
            // each part goes through the file format, as partitions profiled apart would
            DatasetProfile p = ProfileFile.fromBytes(ProfileFile.toBytes(Profiler.profile(part, "part" + k)), "part" + k);
            if (merged == null) {
                merged = p;
            } else {
                merged.merge(p, "part0 and part" + k);
            }
        }
        assertThat(merged.rows()).isEqualTo(n);
        assertThat(merged.sources()).containsExactly("part0", "part1", "part2");
        ProfileGoldenTest.check(merged, data.get("columns"));
        DatasetProfile whole = Profiler.profile(adult, "adult");
        NumericProfile a = (NumericProfile) merged.column("age");
        NumericProfile b = (NumericProfile) whole.column("age");
        assertThat(a.moments().mean()).isCloseTo(b.moments().mean(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void profilesOfDifferentSchemasDoNotMerge() {
        DatasetProfile a = Profiler.profile(Frame.of(NumericColumn.of("x", 1, 2), NumericColumn.of("y", 1, 2)), "a.csv");
        DatasetProfile b = Profiler.profile(Frame.of(CategoricalColumn.of("x", "u", "v"), NumericColumn.of("z", 1, 2)), "b.csv");
        assertThatThrownBy(() -> a.merge(b, "a.profile and b.profile")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a.profile and b.profile")
                .hasMessageContaining("column 'y' is only in the first")
                .hasMessageContaining("column 'x' is numeric in the first and categorical in the second")
                .hasMessageContaining("column 'z' is only in the second");
    }

    @Test
    void emptyAndAllMissingColumnsHaveNoStatistics() {
        DatasetProfile p = Profiler.profile(Frame.of(NumericColumn.of("x", Double.NaN, Double.NaN),
                CategoricalColumn.of("c", null, null)), "gaps.csv");
        NumericProfile x = (NumericProfile) p.column("x");
        assertThat(x.missing()).isEqualTo(2);
        assertThat(x.min()).isNaN();
        assertThat(x.quantile(0.5)).isNaN();
        assertThat(x.moments().mean()).isNaN();
        DatasetProfile back = ProfileFile.fromBytes(ProfileFile.toBytes(p), "gaps.profile");
        back.merge(Profiler.profile(Frame.of(NumericColumn.of("x", 3.0), CategoricalColumn.of("c", "k")), "one.csv"), "two");
        NumericProfile merged = (NumericProfile) back.column("x");
        assertThat(merged.min()).isEqualTo(3.0);
        assertThat(merged.max()).isEqualTo(3.0);
        assertThat(merged.count()).isEqualTo(1);
        assertThat(((CategoryProfile) back.column("c")).counts()).containsEntry("k", 1L).hasSize(1);
        assertThat(back.column("c").missing()).isEqualTo(2);
    }

    @Test
    void textColumnsAreProfiledAsCategoriesAndOneValueIsExact() {
        DatasetProfile p = Profiler.profile(Frame.of(dev.assay.core.data.TextColumn.of("t", "a", null, "b", "a"),
                NumericColumn.of("one", 7.5, Double.NaN, Double.NaN, Double.NaN)), "t.csv");
        CategoryProfile t = (CategoryProfile) p.column("t");
        assertThat(t.counts()).containsExactly(java.util.Map.entry("a", 2L), java.util.Map.entry("b", 1L));
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.distinct()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-6));
        NumericProfile one = (NumericProfile) p.column("one");
        assertThat(one.exact()).isTrue();
        assertThat(one.rankError()).isZero();
        assertThat(one.quantile(0.3)).isEqualTo(7.5);
        assertThat(one.moments().variance()).isZero();
    }
}
