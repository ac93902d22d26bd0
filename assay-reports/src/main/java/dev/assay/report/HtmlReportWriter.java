package dev.assay.report;

import dev.assay.core.chart.Chart;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.report.svg.SvgCharts;
import static dev.assay.report.svg.XmlText.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network)
 * that reads on a phone and on a wide screen and prints cleanly. The markup is also well-formed
 * XML, so tools can parse it without an HTML parser. A verdict banner comes first;
 * checks follow worst first, each expandable to its conditions, notes, charts, measurements and evidence
 * tables, in that order. Every piece of text from the result is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    /** The order checks are shown in: what needs attention first. */
    private static final List<Status> DISPLAY_ORDER = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS, Status.SKIPPED);

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public void write(SuiteResult result, OutputStream out) throws IOException {
        out.write(html(result).getBytes(StandardCharsets.UTF_8));
    }

    private static String html(SuiteResult result) {
        StringBuilder h = new StringBuilder(16384);
        String verdict = Values.word(result.status());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"color-scheme\" content=\"light\"/>\n")
                .append("<title>").append(verdict).append(" · ").append(escape(result.suite())).append(" · Assay report</title>\n")
                .append("<style>").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n");
        banner(h, result);
        h.append("<main class=\"wrap\">\n");
        h.append("<h2 class=\"section\">Checks <span class=\"hint\">failures first</span></h2>\n");
        if (result.checks().isEmpty()) {
            h.append("<p class=\"empty\">The suite has no checks.</p>\n");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < result.checks().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> DISPLAY_ORDER.indexOf(result.checks().get(i).status())));
        for (int i : order) {
            check(h, result.checks().get(i), i + 1);
        }
        h.append("</main>\n<footer class=\"wrap\">Assay report");
        if (result.provenance() != null && result.provenance().assayVersion() != null) {
            h.append(" · Assay ").append(escape(result.provenance().assayVersion()));
        }
        h.append(" · machine-readable results in report.json (schema version ").append(JsonReportWriter.SCHEMA_VERSION)
                .append(")</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void banner(StringBuilder h, SuiteResult result) {
        Status status = result.status();
        Provenance p = result.provenance();
        h.append("<header class=\"banner s-").append(status.id()).append("\">\n<div class=\"wrap\">\n");
        h.append("<p class=\"eyebrow\">Assay suite report</p>\n");
        h.append("<h1><span class=\"verdict s-").append(status.id()).append("\">").append(Values.word(status))
                .append("</span> <span class=\"suite\">").append(escape(result.suite())).append("</span></h1>\n");
        if (!result.description().isEmpty()) {
            h.append("<p class=\"description\">").append(escape(result.description())).append("</p>\n");
        }
        h.append("<ul class=\"counts\" aria-label=\"").append(escape(Values.counts(result.counts()))).append("\">");
        Map<Status, Integer> counts = result.counts();
        for (Status s : DISPLAY_ORDER) {
            h.append("<li class=\"count s-").append(s.id()).append(counts.get(s) == 0 ? " zero" : "").append("\"><b>")
                    .append(counts.get(s)).append("</b> ").append(Values.pastTense(s)).append("</li>");
        }
        h.append("</ul>\n<p class=\"meta\">");
        h.append("<span>Started ").append(escape(Values.when(p == null ? null : p.startedAt()))).append("</span>");
        h.append("<span>Took ").append(Values.duration(result.duration())).append("</span>");
        h.append("<span>").append(result.checks().size()).append(result.checks().size() == 1 ? " check" : " checks").append("</span>");
        if (p != null && p.assayVersion() != null) {
            h.append("<span>Assay ").append(escape(p.assayVersion())).append("</span>");
        }
        h.append("</p>\n");
        if (p != null && (!p.datasets().isEmpty() || !p.settings().isEmpty() || !p.model().isEmpty() || !p.environment().isEmpty())) {
            h.append("<details class=\"provenance\">\n<summary>Data sets");
            if (!p.datasets().isEmpty()) {
                h.append(" (").append(p.datasets().size()).append(')');
            }
            h.append(", settings and environment</summary>\n");
            if (!p.datasets().isEmpty()) {
                h.append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Role</th><th>Location</th><th class=\"num\">Rows</th>")
                        .append("<th class=\"num\">Columns</th><th>Fingerprint</th></tr></thead>\n<tbody>\n");
                for (DatasetInfo d : p.datasets()) {
                    h.append("<tr><td>").append(escape(d.role())).append("</td><td class=\"path\">").append(escape(d.location()))
                            .append("</td><td class=\"num\">").append(d.rows()).append("</td><td class=\"num\">").append(d.columns())
                            .append("</td><td class=\"hash\">").append(d.fingerprint() == null ? "unknown" : escape(d.fingerprint()))
                            .append("</td></tr>\n");
                }
                h.append("</tbody></table></div>\n");
            }
            keyValues(h, "Settings", p.settings());
            keyValues(h, "Model", p.model());
            keyValues(h, "Environment", p.environment());
            checkSettings(h, p.checks());
            h.append("</details>\n");
        }
        h.append("</div>\n</header>\n");
    }

    /** Each check's own settings, one row per check, so that a result can be reproduced from the page. */
    private static void checkSettings(StringBuilder h, Map<String, Map<String, String>> checks) {
        if (checks.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        h.append("<h3>Check settings</h3>\n<div class=\"table-wrap\"><table>\n<tbody>\n");
        checks.forEach((name, settings) -> {
            h.append("<tr><th scope=\"row\">").append(escape(name)).append("</th><td>");
            StringBuilder cell = new StringBuilder();
            settings.forEach((k, v) -> cell.append(cell.length() == 0 ? "" : "; ").append(k).append(" = ").append(v));
            h.append(escape(cell.toString())).append("</td></tr>\n");
        });
        h.append("</tbody></table></div>\n");
    }

    private static void keyValues(StringBuilder h, String title, Map<String, String> map) {
        if (map.isEmpty()) {
            return;
        }
        h.append("<h3>").append(title).append("</h3>\n<dl class=\"kv\">");
        map.forEach((k, v) -> h.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v)).append("</dd>"));
        h.append("</dl>\n");
    }

    private static void check(StringBuilder h, CheckResult c, int number) {
        String id = "check-" + number;
        // problems, and the evidence a reader looks for first (charts), are shown without a click
        boolean open = c.status() == Status.FAIL || c.status() == Status.ERROR || c.status() == Status.WARN
                || !c.charts().isEmpty();
        h.append("<details class=\"check s-").append(c.status().id()).append("\" id=\"").append(id).append('"')
                .append(open ? " open=\"\"" : "").append(">\n<summary>");
        badge(h, c.status());
        h.append("<span class=\"name\">").append(escape(c.name())).append("</span>");
        boolean fromMessage = c.conditions().stream().allMatch(ConditionOutcome::passed) && c.measurements().isEmpty();
        h.append("<span class=\"headline").append(fromMessage ? " from-message" : "").append("\">").append(escape(headline(c)))
                .append("</span>");
        h.append("<span class=\"kind\">").append(escape(c.kind())).append(" · ").append(Values.duration(c.duration()))
                .append("</span></summary>\n<div class=\"body\">\n");
        if (c.message() != null && !c.message().isEmpty()) {
            h.append("<p class=\"message\">").append(escape(c.message())).append("</p>\n");
        }
        if (!c.conditions().isEmpty()) {
            conditions(h, c.conditions());
        }
        if (!c.notes().isEmpty()) {
            h.append("<h3>Notes</h3>\n<ul class=\"notes\">");
            c.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>"));
            h.append("</ul>\n");
        }
        if (!c.charts().isEmpty()) {
            h.append("<div class=\"charts\">\n");
            for (int k = 0; k < c.charts().size(); k++) {
                Chart chart = c.charts().get(k);
                h.append("<figure>").append(SvgCharts.render(chart, id + "-chart-" + (k + 1)));
                if (chart.caption() != null && !chart.caption().isEmpty()) {
                    h.append("<figcaption>").append(escape(chart.caption())).append("</figcaption>");
                }
                h.append("</figure>\n");
            }
            h.append("</div>\n");
        }
        if (!c.measurements().isEmpty()) {
            measurements(h, c.measurements());
        }
        for (EvidenceTable t : c.tables()) {
            table(h, t);
        }
        h.append("</div>\n</details>\n");
    }

    /** The line shown next to a check's name: its failed conditions, else its first values, else its message. */
    private static String headline(CheckResult c) {
        List<String> parts = new ArrayList<>();
        for (ConditionOutcome o : c.conditions()) {
            if (!o.passed()) {
                parts.add(Values.conditionSummary(o));
            }
        }
        if (parts.isEmpty()) {
            for (Measurement m : c.measurements()) {
                if (parts.size() == 3) {
                    parts.add("…");
                    break;
                }
                parts.add(m.id() + " " + Values.number(m.value()));
            }
        }
        if (parts.isEmpty() && c.message() != null) {
            parts.add(c.message().lines().findFirst().orElse(""));
        }
        return String.join(" · ", parts);
    }

    private static void conditions(StringBuilder h, List<ConditionOutcome> conditions) {
        h.append("<h3>Conditions</h3>\n<div class=\"table-wrap\"><table class=\"conditions\">\n<thead><tr><th>Result</th>")
                .append("<th>Condition</th><th class=\"num\">Measured</th><th class=\"num\">Threshold</th><th>On failure</th>")
                .append("<th>Detail</th></tr></thead>\n<tbody>\n");
        for (ConditionOutcome o : conditions) {
            Status outcome = o.passed() ? Status.PASS : o.severity() == ConditionOutcome.Severity.WARN ? Status.WARN : Status.FAIL;
            h.append("<tr><td>");
            badge(h, outcome);
            h.append("</td><td class=\"code\">").append(escape(o.condition())).append("</td><td class=\"num\">")
                    .append(Values.number(o.measured())).append("</td><td class=\"num\">").append(Values.number(o.threshold()))
                    .append("</td><td>").append(o.severity() == null ? "" : o.severity().id()).append("</td><td class=\"detail\">")
                    .append(o.message() == null ? "" : escape(o.message())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void measurements(StringBuilder h, List<Measurement> measurements) {
        h.append("<h3>Measurements</h3>\n<div class=\"table-wrap\"><table class=\"measurements\">\n<thead><tr><th>Metric</th>")
                .append("<th class=\"num\">Value</th><th class=\"num\">Confidence interval</th><th class=\"num\">Reference</th>")
                .append("<th class=\"num\">n</th><th>Notes</th></tr></thead>\n<tbody>\n");
        for (Measurement m : measurements) {
            h.append("<tr><td class=\"code\">").append(escape(m.id())).append("</td><td class=\"num value\">")
                    .append(m.defined() ? Values.number(m.value()) : "<span class=\"undefined\">undefined</span>")
                    .append("</td><td class=\"num\">");
            if (m.interval() != null) {
                h.append(Values.bounds(m.interval())).append("<small>").append(Values.percent(m.interval().level()));
                if (m.interval().method() != null && !m.interval().method().isEmpty()) {
                    h.append(", ").append(escape(m.interval().method()));
                }
                h.append("</small>");
            }
            h.append("</td><td class=\"num\">").append(Values.reference(m.reference())).append("</td><td class=\"num\">")
                    .append(m.n()).append("</td><td>");
            if (m.note() != null && !m.note().isEmpty()) {
                h.append("<div>").append(escape(m.note())).append("</div>");
            }
            for (String w : m.warnings()) {
                h.append("<div class=\"warning\"><b>Warning:</b> ").append(escape(w)).append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void table(StringBuilder h, EvidenceTable t) {
        h.append("<h3>").append(escape(t.title())).append("</h3>\n<div class=\"table-wrap fit\"><table class=\"evidence\">\n<thead><tr>");
        List<Boolean> numeric = new ArrayList<>();
        for (int col = 0; col < t.columns().size(); col++) {
            boolean allNumbers = !t.rows().isEmpty();
            for (List<Object> row : t.rows()) {
                allNumbers &= row.get(col) == null || row.get(col) instanceof Number;
            }
            numeric.add(allNumbers);
            h.append(allNumbers ? "<th class=\"num\">" : "<th>").append(escape(t.columns().get(col))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (int col = 0; col < row.size(); col++) {
                Object cell = row.get(col);
                h.append(numeric.get(col) ? "<td class=\"num\">" : "<td>");
                if (cell instanceof Number n) {
                    h.append(escape(Values.number(n.doubleValue())));
                } else if (cell != null) {
                    h.append(escape(cell.toString()));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void badge(StringBuilder h, Status s) {
        h.append("<span class=\"badge s-").append(s.id()).append("\">").append(Values.word(s)).append("</span>");
    }
}
