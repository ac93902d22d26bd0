package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Groups made from the distinct values of the protected columns with their row counts (as a
 * distributed engine finds them) equal the groups made from the rows: names, notes, and the counts
 * and disparities of the same cells.
 */
class DistinctGroupsTest {
    private static final double NAN = Double.NaN;
    /** Seven rows: age with a missing value, sex. */
    private static final Frame ROWS = Frame.of("rows", List.of(
            NumericColumn.wrap("age", new double[] {18, 19, 45, 45, 75, NAN, 19}),
            CategoricalColumn.wrap("sex", new int[] {0, 1, 1, 0, 0, 1, 1}, List.of("F", "M"))));
    /** The distinct ages of {@link #ROWS} once each, and how many rows hold each. */
    private static final Frame AGES = Frame.of("distinct", List.of(NumericColumn.wrap("age", new double[] {18, 19, 45, 75, NAN})));
    private static final long[] AGE_ROWS = {1, 2, 2, 1, 1};
    private static final Frame SEXES = Frame.of("distinct", List.of(CategoricalColumn.wrap("sex", new int[] {0, 1}, List.of("F", "M"))));
    private static final long[] SEX_ROWS = {3, 4};

    @Test
    void distinctValuesWithCountsGiveTheGroupsOfTheRows() {
        ProtectedAttribute age = ProtectedAttribute.withEdges("age", 10, 30, 60, 100);
        ProtectedAttribute sex = ProtectedAttribute.of("sex");
        Groups fromRows = Groups.of(ROWS, List.of(age, sex));
        AttributeLevels ages = AttributeLevels.ofDistinct(AGES, AGE_ROWS, age);
        AttributeLevels sexes = AttributeLevels.ofDistinct(SEXES, SEX_ROWS, sex);
        Groups fromDistinct = Groups.of(List.of(ages, sexes), "rows");
        assertThat(fromDistinct.groupCount()).isEqualTo(fromRows.groupCount());
        assertThat(fromDistinct.columns()).isEqualTo(fromRows.columns());
        assertThat(fromDistinct.notes()).isEqualTo(fromRows.notes()).anyMatch(n -> n.contains("1 missing value"));
        for (int g = 0; g < fromRows.groupCount(); g++) {
            assertThat(fromDistinct.label(g)).isEqualTo(fromRows.label(g));
        }
        boolean[] truth = {true, false, true, true, false, true, false};
        boolean[] predicted = {true, true, false, true, false, false, false};
        GroupCounts local = GroupCounts.count(fromRows, truth, predicted);
        long[] cells = new long[4 * fromDistinct.groupCount()];
        for (int i = 0; i < truth.length; i++) {
            int a = ages.codes()[java.util.Arrays.asList(18.0, 19.0, 45.0, 75.0, NAN).indexOf(ROWS.columns().get(0).isMissing(i)
                    ? NAN : ((NumericColumn) ROWS.columns().get(0)).get(i))];
            int s = ROWS.columns().get(1).format(i).equals("F") ? sexes.codes()[0] : sexes.codes()[1];
            cells[4 * (a * sexes.names().size() + s) + GroupCounts.cell(truth[i], predicted[i])]++;
        }
        GroupCounts merged = GroupCounts.of(fromDistinct, cells);
        for (int g = 0; g < fromRows.groupCount(); g++) {
            assertThat(merged.confusion(g)).isEqualTo(local.confusion(g));
        }
        FairnessSettings settings = FairnessSettings.DEFAULT.withMinGroupSize(0).withResamples(50);
        Disparity l = Disparities.of(local, Aggregation.BETWEEN_GROUPS, settings).all().get("demographic_parity_difference");
        Disparity d = Disparities.of(merged, Aggregation.BETWEEN_GROUPS, settings).all().get("demographic_parity_difference");
        assertThat(d).isEqualTo(l);
    }

    @Test
    void quantileBinsOfManyNumbersNeedTheRowsAndSaySo() {
        assertThatThrownBy(() -> AttributeLevels.ofDistinct(AGES, AGE_ROWS, ProtectedAttribute.withQuantiles("age", 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'age' is numeric with 4 distinct values")
                .hasMessageContaining("give bin edges");
        AttributeLevels byValue = AttributeLevels.ofDistinct(AGES, AGE_ROWS, ProtectedAttribute.of("age"));
        assertThat(byValue.sizes()).containsExactly(1, 2, 2, 1, 1);
    }

    @Test
    void cellsOfTheWrongShapeAreRefused() {
        Groups groups = Groups.of(List.of(AttributeLevels.ofDistinct(SEXES, SEX_ROWS, ProtectedAttribute.of("sex"))), null);
        assertThatThrownBy(() -> GroupCounts.of(groups, new long[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupCounts.of(groups, new long[] {1, 0, 0, 0, 0, -1, 0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Groups.of(List.of(AttributeLevels.ofDistinct(SEXES, new long[] {3, 0}, ProtectedAttribute.of("sex"))), "d"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a single value ('F') in all 3 rows");
    }
}
