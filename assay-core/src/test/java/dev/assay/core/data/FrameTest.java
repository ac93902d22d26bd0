package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameTest {
    private final Frame frame = Frame.of("credit.csv", List.of(
            NumericColumn.of("age", 67, 22, Double.NaN, 45),
            CategoricalColumn.of("class", "good", "bad", "good", null),
            TextColumn.of("note", "a", null, "c", "d")));

    @Test
    void columnsKeepTheirValuesAndMissingMarkers() {
        assertThat(frame.rowCount()).isEqualTo(4);
        assertThat(frame.columnNames()).containsExactly("age", "class", "note");
        assertThat(frame.numeric("age", null).get(1)).isEqualTo(22);
        assertThat(frame.column("age").missingCount()).isEqualTo(1);
        CategoricalColumn cls = (CategoricalColumn) frame.column("class");
        assertThat(cls.levels()).containsExactly("good", "bad");
        assertThat(cls.levelCounts()).containsExactly(2, 1);
        assertThat(cls.missingCount()).isEqualTo(1);
        assertThat(frame.column("note").format(1)).isNull();
    }

    @Test
    void slicesAreViewsThatCompose() {
        Frame sliced = frame.slice(new int[] {3, 1, 0});
        assertThat(sliced.numeric("age", null).toArray()).containsExactly(45, 22, 67);
        Frame twice = sliced.slice(new int[] {2, 0});
        assertThat(twice.numeric("age", null).toArray()).containsExactly(67, 45);
        assertThat(((CategoricalColumn) twice.column("class")).get(1)).isNull();
        assertThat(twice.column("note").format(0)).isEqualTo("a");
    }

    @Test
    void filterKeepsMatchingRows() {
        Frame adults = frame.filter(i -> frame.numeric("age", null).get(i) > 30);
        assertThat(adults.numeric("age", null).toArray()).containsExactly(67, 45);
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThatThrownBy(() -> frame.column("clas", "label"))
                .isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("'clas' (given as label) in credit.csv")
                .hasMessageContaining("Did you mean 'class'?")
                .hasMessageContaining("Available columns: age, class, note");
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        assertThatThrownBy(() -> Frame.of("x.csv", List.of(NumericColumn.of("a", 1), NumericColumn.of("a", 2))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Duplicate column name 'a' in x.csv");
    }

    @Test
    void numericRoleOnNonNumericColumnNamesTheValue() {
        assertThatThrownBy(() -> frame.numeric("class", "weight"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'class' (weight) in credit.csv must be numeric")
                .hasMessageContaining("row 1: 'good' is not a number");
    }

    @Test
    void rowFilterMatchesFormattedValuesAndDescribesItself() {
        RowFilter f = new RowFilter(Map.of("class", Set.of("good")));
        assertThat(f.rows(frame)).containsExactly(0, 2);
        assertThat(f.describe()).isEqualTo("class = good");
        RowFilter numeric = new RowFilter(Map.of("age", Set.of("22", "45")));
        assertThat(numeric.rows(frame)).containsExactly(1, 3);
        assertThatThrownBy(() -> new RowFilter(Map.of("class", Set.of("ugly"))).rows(frame))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No row of credit.csv matches class = ugly");
    }

    @Test
    void schemaValidationNamesTheRoleAndColumn() {
        Schema s = Schema.builder().label("class").score("proba").build();
        assertThatThrownBy(() -> s.validateAgainst(frame))
                .isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("'proba' (given as score)");
    }

    @Test
    void probabilityPrefixFindsClassColumns() {
        Frame f = Frame.of(NumericColumn.of("p_a", 0.2), NumericColumn.of("p_b", 0.8), NumericColumn.of("y", 1));
        Schema s = Schema.builder().classProbabilitiesByPrefix(f, "p_").build();
        assertThat(s.classProbabilities()).containsExactly(Map.entry("a", "p_a"), Map.entry("b", "p_b"));
        assertThatThrownBy(() -> Schema.builder().classProbabilitiesByPrefix(f, "proba_"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probability prefix 'proba_'");
    }
}
