package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.slicing.GermanCreditSlices;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private static final Frame FRAME = Frame.of("people.csv", List.of(NumericColumn.of("age", 17, 24, 25, 28, 37, 40, Double.NaN),
            CategoricalColumn.of("sex", "F", "M", "F", "M", "F", null, "M")));

    private static int[] rows(String column, String... texts) {
        return RowFilter.parse(Map.of(column, List.of(texts))).rows(FRAME);
    }

    @Test
    void readsComparisonsIntervalsValuesAndMissing() {
        assertThat(rows("age", "< 25")).containsExactly(0, 1);
        assertThat(rows("age", "<= 25")).containsExactly(0, 1, 2);
        assertThat(rows("age", "> 25")).containsExactly(3, 4, 5);
        assertThat(rows("age", ">= 25")).containsExactly(2, 3, 4, 5);
        assertThat(rows("age", "[25, 40)")).containsExactly(2, 3, 4);
        assertThat(rows("age", "(28, 37]")).containsExactly(4);
        assertThat(rows("age", "[17,17]")).containsExactly(0);
        assertThat(rows("age", "is missing")).containsExactly(6);
        assertThat(rows("sex", "is missing")).containsExactly(5);
        assertThat(rows("sex", "F")).containsExactly(0, 2, 4);
        assertThat(rows("age", "24", "40")).containsExactly(1, 5);
    }

    @Test
    void describesEachForm() {
        RowFilter f = RowFilter.builder().where("sex", "F").where("age", NumericRange.parse("[25, 40)")).build();
        assertThat(f.describe()).isEqualTo("sex = F, age in [25, 40)");
        assertThat(RowFilter.builder().where("age", NumericRange.below(25)).missing("sex").build().describe())
                .isEqualTo("age < 25, sex is missing");
        assertThat(NumericRange.atLeast(2.5).describe("x")).isEqualTo("x >= 2.5");
        assertThat(NumericRange.parse("<= 3").describe("x")).isEqualTo("x <= 3");
        assertThat(RowFilter.values(Map.of("region", java.util.Set.of("UK", "EU"))).describe()).isEqualTo("region in (EU, UK)");
    }

    /** The slice a report prints is a filter: "age in (28, 37]" pasted as {age: "(28, 37]"}, and so is every pair. */
    @Test
    void aQuantileSliceReadsBackAsAFilter() {
        Frame frame = GermanCreditSlices.FRAME;
        var age = dev.assay.core.slicing.ColumnBins.of(frame, "age", dev.assay.core.slicing.Binning.DEFAULT);
        for (var slice : age.slices()) {
            String label = slice.terms().get(0).label();
            assertThat(RowFilter.parse(Map.of("age", List.of(label))).rows(frame)).as(label).containsExactly(slice.rows());
        }
        var status = dev.assay.core.slicing.ColumnBins.of(frame, "personal_status", dev.assay.core.slicing.Binning.DEFAULT);
        for (var pair : status.crossSlices(age)) {
            assertThat(dev.assay.core.slicing.SliceFilters.of(pair).rows(frame)).as(pair.describe()).containsExactly(pair.rows());
        }
        Frame withMissing = Frame.of(NumericColumn.of("x", 1, Double.NaN, 3, 4, 5, 6));
        for (var slice : dev.assay.core.slicing.ColumnBins.of(withMissing, "x", new dev.assay.core.slicing.Binning(2, 50)).slices()) {
            assertThat(dev.assay.core.slicing.SliceFilters.of(slice).rows(withMissing)).as(slice.describe()).containsExactly(slice.rows());
        }
    }

    /** Row counts and recall of numeric filters against pandas boolean masks (slices_golden.py). */
    @Test
    void numericFiltersMatchPandasMasks() {
        for (JsonNode g : GermanCreditSlices.GOLDEN.get("filters")) {
            int[] rows = RowFilter.parse(Map.of("age", List.of(g.get("age").asText()))).rows(GermanCreditSlices.FRAME);
            assertThat(rows).as(g.get("age").asText()).hasSize(g.get("n").asInt());
            double recall = dev.assay.core.metrics.Evaluator.evaluate(GermanCreditSlices.FRAME.slice(rows), GermanCreditSlices.SCHEMA,
                    dev.assay.core.metrics.EvaluationSettings.defaults().withPositiveClass("bad")).metric("recall").value();
            assertThat(recall).as(g.get("age").asText()).isCloseTo(g.get("recall").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void malformedAndEmptyRangesAreRefusedWithTheFix() {
        assertThatThrownBy(() -> rows("age", "[25, 40")).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'age': cannot read '[25, 40' as a range: write a comparison such as '< 25' or '>= 25', or an "
                        + "interval such as '[25, 40)' (a bracket includes its edge, a parenthesis excludes it; quote it in YAML).");
        assertThatThrownBy(() -> rows("age", "< twenty")).hasMessageContaining("'twenty' is not a number");
        assertThatThrownBy(() -> rows("age", "[40, 25)")).hasMessage("column 'age': the range [40, 25) holds no number: its lower "
                + "edge 40 is above its upper edge 25; write the lower edge first.");
        assertThatThrownBy(() -> rows("age", "(25, 25]")).hasMessageContaining("both edges are 25; close both sides, [25, 25]");
        assertThatThrownBy(() -> rows("age", "< 25", "40")).hasMessageContaining("a comparison, an interval or 'is missing' stands alone");
    }

    @Test
    void aRangeOnCategoriesAndNoMatchingRowAreRefused() {
        assertThatThrownBy(() -> rows("sex", "< 3")).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'sex' of people.csv does not hold numbers, so 'sex < 3' cannot be tested; give the value(s) "
                        + "to keep instead, e.g. {sex: F}.");
        assertThatThrownBy(() -> rows("age", "> 90")).hasMessage("No row of people.csv matches age > 90. Check the values and ranges "
                + "against the data (values are compared as text).");
        assertThatThrownBy(() -> rows("agee", "> 9")).hasMessageContaining("Did you mean 'age'?");
    }
}
