package dev.assay.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.time.Timestamps;
import dev.assay.core.drift.time.WindowSpec;
import dev.assay.core.drift.time.Windows;
import dev.assay.core.error.InvalidInputException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void readsDatesDateTimesAndOffsets() {
        Frame f = Frame.of(CategoricalColumn.of("t", "2014-07-01", "2014-07-01 08:30:00", "2014-07-01T08:30:00.5",
                "2014-07-01T23:30:00-02:00"));
        LocalDateTime[] t = Timestamps.parse(f, "x.csv", "t");
        assertThat(t).containsExactly(LocalDateTime.of(2014, 7, 1, 0, 0), LocalDateTime.of(2014, 7, 1, 8, 30),
                LocalDateTime.of(2014, 7, 1, 8, 30, 0, 500_000_000), LocalDateTime.of(2014, 7, 2, 1, 30));
    }

    @Test
    void aValueThatIsNotATimeNamesFileColumnRowAndFormat() {
        Frame f = Frame.of(CategoricalColumn.of("when", "2014-07-01", "2014-13-45"));
        assertThatThrownBy(() -> Timestamps.parse(f, "current.csv", "when")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'when' of current.csv").hasMessageContaining("'2014-13-45' at row 2")
                .hasMessageContaining("ISO-8601");
        Frame missing = Frame.of(CategoricalColumn.of("when", "2014-07-01", null));
        assertThatThrownBy(() -> Timestamps.parse(missing, "current.csv", "when")).hasMessageContaining("empty at row 2");
        Frame numbers = Frame.of(NumericColumn.of("when", 1, 2));
        assertThatThrownBy(() -> Timestamps.parse(numbers, "current.csv", "when")).hasMessageContaining("holds numbers");
        assertThatThrownBy(() -> Timestamps.parse(numbers, "current.csv", "date")).hasMessageContaining("not in current.csv");
    }

    @Test
    void weeksRunMondayToSundayAndRowWindowsFollowTime() {
        LocalDateTime[] t = {LocalDateTime.of(2013, 1, 7, 0, 0), LocalDateTime.of(2013, 1, 6, 0, 0),
            LocalDateTime.of(2012, 12, 31, 0, 0), LocalDateTime.of(2013, 1, 14, 0, 0)};
        List<Windows.Window> weeks = Windows.split(t, WindowSpec.parse("weekly"));
        assertThat(weeks).extracting(Windows.Window::label).containsExactly("2012-12-31", "2013-01-07", "2013-01-14");
        assertThat(weeks.get(0).rows()).containsExactly(1, 2);
        List<Windows.Window> rows = Windows.split(t, WindowSpec.parse("3"));
        assertThat(rows).extracting(Windows.Window::label).containsExactly("rows 1-3", "rows 4-4");
        assertThat(rows.get(0).rows()).containsExactly(2, 1, 0);
        assertThatThrownBy(() -> WindowSpec.parse("hourly")).hasMessageContaining("daily, weekly, monthly or a number");
        assertThatThrownBy(() -> WindowSpec.parse("1")).hasMessageContaining("2 or more");
    }
}
