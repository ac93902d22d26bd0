package dev.assay.report;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code summary.md}, short enough for a pull-request comment: the verdict, the counts, one
 * table row per check, then a section for each failed or errored check with its message. Text is
 * escaped for GitHub-flavoured Markdown; cells never break the table.
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "summary.md";
    }

    @Override
    public void write(SuiteResult result, OutputStream out) throws IOException {
        out.write(markdown(result).getBytes(StandardCharsets.UTF_8));
    }

    private static String markdown(SuiteResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Assay suite ").append(escape(result.suite())).append(": **").append(Values.word(result.status()))
                .append("**\n\n");
        if (!result.description().isEmpty()) {
            md.append(escape(result.description())).append("\n\n");
        }
        md.append(Values.counts(result.counts())).append(" · ").append(Values.duration(result.duration()));
        if (result.provenance() != null) {
            md.append(" · ").append(Values.when(result.provenance().startedAt()));
            if (result.provenance().assayVersion() != null) {
                md.append(" · Assay ").append(escape(result.provenance().assayVersion()));
            }
        }
        md.append("\n\n");
        if (!result.checks().isEmpty()) {
            md.append("| Status | Check | Values | Conditions |\n");
            md.append("|---|---|---|---|\n");
            for (CheckResult c : result.checks()) {
                md.append("| **").append(Values.word(c.status())).append("** | ").append(escape(c.name())).append(" | ")
                        .append(values(c)).append(" | ").append(conditions(c)).append(" |\n");
            }
            md.append('\n');
        }
        for (CheckResult c : result.checks()) {
            if (c.status() == Status.FAIL || c.status() == Status.ERROR) {
                md.append("### ").append(Values.word(c.status())).append(": ").append(escape(c.name())).append("\n\n");
                if (c.message() != null && !c.message().isEmpty()) {
                    md.append(escape(c.message())).append("\n\n");
                }
                for (ConditionOutcome o : c.conditions()) {
                    if (!o.passed()) {
                        md.append("- ").append(escape(o.condition())).append(": ").append(escape(Values.conditionSummary(o)))
                                .append('\n');
                    }
                }
                if (c.conditions().stream().anyMatch(o -> !o.passed())) {
                    md.append('\n');
                }
            }
        }
        return md.toString();
    }

    private static String values(CheckResult c) {
        List<String> parts = new ArrayList<>();
        for (Measurement m : c.measurements()) {
            StringBuilder sb = new StringBuilder(m.id()).append(" = ").append(Values.number(m.value()));
            if (m.interval() != null) {
                sb.append(" (").append(Values.percent(m.interval().level())).append(" CI ").append(Values.bounds(m.interval()))
                        .append(')');
            }
            parts.add(escape(sb.toString()));
        }
        if (parts.isEmpty() && c.message() != null) {
            parts.add(escape(c.message()));
        }
        return String.join("<br>", parts);
    }

    private static String conditions(CheckResult c) {
        List<String> parts = new ArrayList<>();
        for (ConditionOutcome o : c.conditions()) {
            String verdict = o.passed() ? "pass" : o.severity() == ConditionOutcome.Severity.WARN ? "warn" : "fail";
            parts.add(escape(o.condition()) + ": " + verdict);
        }
        return String.join("<br>", parts);
    }

    /**
     * Escapes text for a Markdown table cell or line: Markdown punctuation is backslash-escaped, HTML
     * special characters become entities and line breaks become {@code <br>}.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append("<br>");
                }
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
