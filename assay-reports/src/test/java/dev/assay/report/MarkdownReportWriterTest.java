package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

    private final String md = new MarkdownReportWriter().render(SampleSuites.binaryClassification());
    private final List<String> lines = md.lines().toList();

    @Test
    void verdictLineThenCounts() {
        assertThat(lines.get(0)).isEqualTo("## Assay suite income &lt;50K &amp; \"census\" model: **ERROR**");
        assertThat(lines).contains("6 checks: 1 failed, 1 errored, 1 warned, 2 passed, 1 skipped · 2.42 s · 2026-11-28 12:50:16 UTC"
                + " · Assay 0.1.0-SNAPSHOT");
    }

    @Test
    void oneTableRowPerCheckWithFourCells() {
        int header = lines.indexOf("| Status | Check | Values | Conditions |");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 1)).isEqualTo("|---|---|---|---|");
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r).hasSize(4));
        assertThat(rows).extracting(r -> r.get(0))
                .containsExactly("**PASS**", "**FAIL**", "**WARN**", "**ERROR**", "**SKIPPED**", "**PASS**");
        assertThat(rows.get(1).get(1)).isEqualTo("recall on class \"&gt;50K\" &lt;positive&gt; &amp; co");
        assertThat(rows.get(1).get(2)).isEqualTo("recall = 0.7121 (95% CI 0.6977–0.7262)<br>precision = 0.7181 (95% CI 0.7037–0.7321)");
        assertThat(rows.get(1).get(3)).isEqualTo("recall &gt;= 0.8: fail<br>precision &gt;= 0.7: pass");
        assertThat(rows.get(2).get(3)).isEqualTo("expected\\_calibration\\_error &lt;= 0.05: warn");
        assertThat(rows.get(5).get(2)).contains("recall\\[sex=&lt;unknown&gt;\\] = undefined");
        assertThat(rows.get(3).get(2)).contains("hours\\_per\\_week).<br>Fix: add the column");
    }

    @Test
    void sectionPerFailedOrErroredCheck() {
        assertThat(lines.stream().filter(l -> l.startsWith("### ")))
                .containsExactly("### FAIL: recall on class \"&gt;50K\" &lt;positive&gt; &amp; co",
                        "### ERROR: income drift vs 'reference'");
        int fail = lines.indexOf("### FAIL: recall on class \"&gt;50K\" &lt;positive&gt; &amp; co");
        assertThat(lines.subList(fail + 1, fail + 5))
                .containsExactly("", "1 of 2 conditions failed", "", "- recall &gt;= 0.8: Expecting recall on data/adult/adult-test.csv: measured 0.7121 (95% CI 0.6977–0.7262, n=3846) to be at least 0.8");
    }

    @Test
    void pipesAndNewlinesCannotBreakTheTable() {
        CheckResult tricky = CheckResult.error("a | b\nc", "metric", "x |y\r\nz", Duration.ZERO);
        String out = new MarkdownReportWriter().render(new SuiteResult("s", "", List.of(tricky), null, Duration.ZERO));
        String row = out.lines().filter(l -> l.startsWith("| **ERROR**")).findFirst().orElseThrow();

        assertThat(cells(row)).containsExactly("**ERROR**", "a \\| b<br>c", "x \\|y<br>z", "");
    }

    /** Splits a table row on the pipes that are not escaped. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
