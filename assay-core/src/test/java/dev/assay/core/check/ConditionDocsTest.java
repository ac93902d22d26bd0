package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.core.result.ConditionOutcome.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The conditions section of docs/suite-format.md shows what the parser does. */
class ConditionDocsTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static List<String> tableRows(String header) throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "suite-format.md"));
        int at = docs.indexOf(header);
        assertThat(at).as(header).isPositive();
        List<String> rows = new ArrayList<>();
        for (String line : docs.substring(at).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line);
        }
        return rows;
    }

    @Test
    void everyDocumentedFormReadsAsWritten() throws IOException {
        List<String> rows = tableRows("| form | meaning |");
        assertThat(rows).hasSizeGreaterThan(10);
        for (String row : rows) {
            Matcher m = CODE.matcher(row.substring(0, row.indexOf(" | ", 2)));
            while (m.find()) {
                assertThat(Condition.parse(m.group(1), Severity.FAIL).text()).isEqualTo(m.group(1));
            }
        }
    }

    @Test
    void everyDocumentedMistakeGetsTheDocumentedSuggestion() throws IOException {
        List<String> rows = tableRows("| written | message");
        assertThat(rows).hasSizeGreaterThan(5);
        for (String row : rows) {
            String[] cells = row.split(" \\| ");
            String written = cells[0].substring(cells[0].indexOf('`') + 1, cells[0].lastIndexOf('`'));
            String suggestion = cells[1].substring(cells[1].indexOf("Did you mean"), cells[1].lastIndexOf('|')).strip();
            assertThat(catchThrowable(() -> Condition.parse(written, Severity.FAIL))).as(written)
                    .hasMessageStartingWith("Cannot read the condition '" + written + "': ").hasMessageEndingWith(suggestion);
        }
    }
}
