package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapCheckConfigTest {
    private final CheckConfig config = CheckConfig.of("check 'x'", Map.of("metric", "recall", "metrics", List.of("f1", 2),
            "evidence", "yes", "bins", 10, "task", "Binary", "nested", Map.of("a", "b"), "ratio", "0.25"));

    @Test
    void typedGettersReadStringsNumbersListsAndSections() {
        assertThat(config.string("metric", null)).isEqualTo("recall");
        assertThat(config.string("absent", "fallback")).isEqualTo("fallback");
        assertThat(config.strings("metrics")).containsExactly("f1", "2");
        assertThat(config.strings("metric")).containsExactly("recall");
        assertThat(config.bool("evidence", false)).isTrue();
        assertThat(config.integer("bins", 0)).isEqualTo(10);
        assertThat(config.number("ratio", 0)).isEqualTo(0.25);
        assertThat(config.choice("task", Task.class, null)).isEqualTo(Task.BINARY);
        assertThat(config.stringMap("nested")).containsExactly(Map.entry("a", "b"));
        assertThat(config.section("absent")).isEmpty();
    }

    @Test
    void errorsNameTheOwnerTheKeyAndWhatWasFound() {
        assertThatThrownBy(() -> config.integer("ratio", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("check 'x', key 'ratio': 'ratio' must be a whole number, found 0.25.");
        assertThatThrownBy(() -> config.bool("metric", false))
                .hasMessage("check 'x', key 'metric': 'metric' must be true or false, found 'recall'.");
        assertThatThrownBy(() -> config.string("metrics", null))
                .hasMessage("check 'x', key 'metrics': 'metrics' must be a single value, found [f1, 2].");
        assertThatThrownBy(() -> config.requireString("column")).hasMessage("check 'x', key 'column': missing key 'column'.");
        assertThatThrownBy(() -> config.choice("metric", Task.class, null))
                .hasMessageStartingWith("check 'x', key 'metric': unknown value 'recall' for 'metric'.");
        assertThatThrownBy(() -> config.section("nested").orElseThrow().number("a", 0))
                .hasMessage("check 'x', key 'nested', key 'a': 'a' must be a number, found 'b'.");
    }
}
