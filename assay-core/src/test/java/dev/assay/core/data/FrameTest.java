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
                .hasMessage("Column 'class' (weight) in credit.csv must be numeric, but row 1 holds 'good', which is not a number"
                        + " (numbers are written like 0.5, -2, 1e-3, NaN or Inf). Correct or remove the value, or pick a numeric column.");
    }

    @Test
    void numericRoleNamesTheRowAndItsLineAndShortensTheValue() {
        Frame located = Frame.of("s.csv", List.of(TextColumn.of("s", "0.5", null, "0x1p-1", "x".repeat(1000))),
                row -> "line " + (row + 2));
        assertThatThrownBy(() -> located.numeric("s", "score"))
                .hasMessage("Column 's' (score) in s.csv must be numeric, but row 3 (line 4) holds '0x1p-1', which is not a number"
                        + " (numbers are written like 0.5, -2, 1e-3, NaN or Inf). Correct or remove the value, or pick a numeric column.");
        Frame sliced = located.slice(new int[] {3, 0});
        assertThat(sliced.describeRow(0)).isEqualTo("row 1 (line 5)");
        assertThatThrownBy(() -> sliced.numeric("s", "score"))
                .hasMessageContaining("row 1 (line 5) holds '" + "x".repeat(60) + "... (940 more characters)', which is not a number");
        assertThat(frame.describeRow(2)).isEqualTo("row 3");
    }

    @Test
    void numericRoleOnAColumnWithoutValuesOrWithNumbersAsText() {
        Frame f = Frame.of("s.csv", List.of(CategoricalColumn.of("empty", null, null), TextColumn.of("text", null, " 7 ")));
        assertThatThrownBy(() -> f.numeric("empty", "weight"))
                .hasMessage("Column 'empty' (weight) in s.csv must be numeric, but every value in it is missing. Fill in the values,"
                        + " or pick another column.");
        assertThatThrownBy(() -> f.numeric("text", "weight"))
                .hasMessage("Column 'text' (weight) in s.csv must be numeric, but it holds its numbers as text values (row 2: ' 7 ')."
                        + " Declare the column numeric when reading the data.");
    }

    @Test
    void unknownColumnMessageShortensLongNamesAndLists() {
        List<Column> many = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(NumericColumn.of("c" + i, 1));
        }
        Frame wide = Frame.of("wide.csv", many);
        assertThatThrownBy(() -> wide.column("z".repeat(100), "label"))
                .isInstanceOf(UnknownColumnException.class)
                .hasMessageStartingWith("Unknown column '" + "z".repeat(60) + "... (40 more characters)' (given as label) in wide.csv.")
                .hasMessageEndingWith(", c39 and 5 more.");
    }

    @Test
    void rowFilterMatchesFormattedValuesAndDescribesItself() {
        RowFilter f = RowFilter.values(Map.of("class", Set.of("good")));
        assertThat(f.rows(frame)).containsExactly(0, 2);
        assertThat(f.describe()).isEqualTo("class = good");
        RowFilter numeric = RowFilter.values(Map.of("age", Set.of("22", "45")));
        assertThat(numeric.rows(frame)).containsExactly(1, 3);
        assertThatThrownBy(() -> RowFilter.values(Map.of("class", Set.of("ugly"))).rows(frame))
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
