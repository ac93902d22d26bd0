package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model page and the window gauges against the summary JSON, on German-credit windows where the second is a
 * subpopulation of applicants aged 50 or more ({@link MonitoredCredit}).
 */
class DashboardTest {
    private static final Pattern DRIFT_ROW = Pattern.compile("<tr><td><span class=\"code\">(.*?)</span><span class=\"note\">(.*?)</span>"
            + "</td><td class=\"stat\">(.*?)</td><td class=\"num\">(.*?)</td><td class=\"num\">(.*?)</td><td class=\"num\">(.*?)</td></tr>");

    @TempDir
    static Path dir;

    static MonitoredCredit service;

    @BeforeAll
    static void start() throws Exception {
        service = MonitoredCredit.start(dir);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theModelPageJudgesTheLatestClosedWindowAndListsItsDriftedColumnsLikeTheSummary() throws Exception {
        JsonNode summary = service.summary("credit");
        List<JsonNode> v1 = MonitoredCredit.windows(summary, "v1");
        JsonNode latest = v1.get(v1.size() - 1);
        assertThat(latest.get("start").asText()).isEqualTo("2026-11-29T00:00:00Z");
        assertThat(latest.get("rows").asLong()).isEqualTo(service.older.rows.size());
        // the performance is inside its band and 40 of 125 rows are labelled: drift alone makes the verdict
        latest.get("estimated").forEach(e -> assertThat(e.get("alert").asBoolean()).isFalse());
        assertThat(latest.get("realised").get("accuracy").asDouble()).isGreaterThanOrEqualTo(latest.get("estimated").get("accuracy")
                .get("lower").asDouble());
        List<JsonNode> expected = new ArrayList<>();
        latest.get("drift").forEach(d -> {
            if (d.get("drifted").asBoolean()) {
                expected.add(d);
            }
        });
        expected.sort(Comparator.comparingDouble((JsonNode d) -> d.get("adjusted_p_value").asDouble())
                .thenComparing(Comparator.comparingDouble((JsonNode d) -> d.get("psi").asDouble()).reversed()));

        String page = ok(service.page("/models/credit").body());
        assertThat(section(page, "verdict")).contains("<span class=\"verdict s-warn\">WARNING</span>")
                .contains("Latest closed window, from 2026-11-29 00:00 UTC: 125 rows, label coverage 32.0%.")
                .contains("<li>" + expected.size() + " of " + latest.get("drift").size() + " columns drifted: age, ")
                .doesNotContain("label coverage 32.0% is below");
        Matcher rows = DRIFT_ROW.matcher(section(page, "drift"));
        List<String> shown = new ArrayList<>();
        for (JsonNode d : expected) {
            assertThat(rows.find()).as("a row for %s", d.get("column")).isTrue();
            shown.add(rows.group(1));
            assertThat(rows.group(1)).isEqualTo(d.get("column").asText());
            assertThat(rows.group(3)).isEqualTo(d.get("test").asText().equals("ks") ? "KS D" : "χ²");
            assertThat(rows.group(4)).isEqualTo(Html.num(d.get("statistic").asDouble(), 4));
            assertThat(rows.group(5)).isEqualTo(Html.p(d.get("adjusted_p_value").asDouble()));
            assertThat(rows.group(6)).isEqualTo(Html.num(d.get("psi").asDouble(), 3));
            assertThat(rows.group(2)).isEqualTo(d.get("error_bound").asDouble() > 0 ? (d.get("test").asText().equals("ks")
                    ? "D ±" + Html.num(d.get("error_bound").asDouble(), 4) + " (sketch rank error, 99%)"
                    : "counts within ±" + Html.num(d.get("error_bound").asDouble(), 0) + " (frequent-items sketch)") : "exact");
        }
        assertThat(rows.find()).as("no other row").isFalse();
        assertThat(shown.get(0)).as("age, the subpopulation's definition, drifted most").isEqualTo("age");
        assertThat(section(page, "performance")).contains("<td>accuracy</td><td class=\"num\">"
                + Html.num(latest.get("estimated").get("accuracy").get("value").asDouble(), 3) + "</td>");
        assertThat(section(page, "drift-trend")).contains("age");
        assertThat(page.split("<svg", -1)).as("charts: performance, rows, coverage, drift trend").hasSize(5);
        assertThat(page).contains("<a class=\"code\" href=\"/models/credit?version=v1\" aria-current=\"page\">v1</a>");
    }

    @Test
    void versionHistoryJoinsTheRegistryAndALinkSelectsAVersion() throws Exception {
        String versions = section(ok(service.page("/models/credit").body()), "versions");
        assertThat(versions).contains("<td class=\"code\"><strong>v1</strong></td><td>2026-11-28 00:00 UTC</td><td>2026-11-29 00:00 UTC</td>"
                + "<td class=\"num\">" + (300 + service.older.rows.size()) + "</td>")
                .contains("<td class=\"code\">" + service.registered.sha256().substring(0, 12) + "</td><td>production</td>")
                .contains("<td class=\"code\">v2</td><td>2026-11-27 00:00 UTC</td><td>2026-11-27 00:00 UTC</td><td class=\"num\">60</td>"
                        + "<td colspan=\"3\" class=\"empty\">not in the registry</td>");
        String v2 = ok(service.page("/models/credit?version=v2").body());
        assertThat(v2).contains("href=\"/models/credit?version=v2\" aria-current=\"page\"");
        assertThat(section(v2, "verdict")).contains("from 2026-11-27 00:00 UTC: 60 rows").contains("label coverage 0.0% is below 20.0%");
        assertThat(ok(service.page("/models/credit?version=v9").body())).as("an unknown version shows the latest")
                .contains("href=\"/models/credit?version=v1\" aria-current=\"page\"");
    }

    @Test
    void theListShowsEachModelsVerdict() throws Exception {
        String list = ok(service.page("/models").body());
        assertThat(list).contains("<a href=\"/models/credit\">credit</a></td><td><span class=\"badge s-warn\">WARNING</span></td>"
                + "<td class=\"code\">v1</td>");
        JsonNode markup = MonitoredCredit.windows(service.summary(MonitoredCredit.MARKUP), MonitoredCredit.MARKUP_VERSION).get(0);
        boolean outside = false;
        for (JsonNode e : markup.get("estimated")) {
            outside |= e.get("alert").asBoolean();
        }
        assertThat(list).contains("<a href=\"/models/markup\">markup</a></td><td><span class=\"badge " + (outside ? "s-fail\">ALERT"
                : "s-warn\">WARNING") + "</span></td><td class=\"code\">v&quot;&lt;b&gt;&#39;</td>");
    }

    @Test
    void featureNamesAndVersionsAreEscaped() throws Exception {
        String page = ok(service.page("/models/markup").body());
        assertThat(page).doesNotContain("<script").doesNotContain("alert(\"").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\\")
                .contains("href=\"/models/markup?version=v%22%3Cb%3E%27\" aria-current=\"page\">v&quot;&lt;b&gt;&#39;</a>");
        assertThat(section(page, "versions")).as("the registry has no model of that name").contains("not in the registry");
    }

    @Test
    void gaugesParseAsPrometheusTextWithTheSummarysValues() throws Exception {
        String text = ok(service.api("GET", "/metrics", null, null).body());
        PrometheusText metrics = PrometheusText.parse(text);
        assertThat(metrics.types).containsEntry("assay_drift_score", "gauge").containsEntry("assay_estimated_metric", "gauge")
                .containsEntry("assay_ingested_rows_total", "counter");
        int checked = 0;
        for (String model : List.of("credit", MonitoredCredit.MARKUP)) {
            JsonNode summary = service.summary(model);
            for (String version : List.of("v1", "v2", MonitoredCredit.MARKUP_VERSION)) {
                List<JsonNode> windows = MonitoredCredit.windows(summary, version);
                if (windows.isEmpty()) {
                    continue;
                }
                JsonNode w = windows.get(windows.size() - 1);
                Map<String, String> mv = Map.of("model", model, "version", version);
                assertThat(metrics.value("assay_window_rows", mv)).isEqualTo(w.get("rows").asDouble());
                assertThat(metrics.value("assay_label_coverage", mv)).isEqualTo(w.get("label_coverage").asDouble());
                assertThat(metrics.value("assay_window_start_seconds", mv))
                        .isEqualTo(java.time.Instant.parse(w.get("start").asText()).getEpochSecond());
                for (JsonNode d : w.get("drift")) {
                    Map<String, String> l = Map.of("model", model, "version", version, "feature", d.get("column").asText(), "statistic",
                            d.get("test").asText());
                    assertThat(metrics.value("assay_drift_score", l)).isEqualTo(d.get("statistic").asDouble());
                    assertThat(metrics.value("assay_drift_p_value", l)).isEqualTo(d.get("p_value").asDouble());
                    assertThat(metrics.value("assay_drift_adjusted_p_value", l)).isEqualTo(d.get("adjusted_p_value").asDouble());
                    assertThat(metrics.value("assay_drift_score", Map.of("model", model, "version", version, "feature",
                            d.get("column").asText(), "statistic", "psi"))).isEqualTo(d.get("psi").asDouble());
                    checked++;
                }
                w.get("estimated").fields().forEachRemaining(e -> {
                    Map<String, String> l = Map.of("model", model, "version", version, "metric", e.getKey());
                    assertThat(metrics.value("assay_estimated_metric", l)).isEqualTo(e.getValue().get("value").asDouble());
                    assertThat(metrics.value("assay_estimated_metric_lower", l)).isEqualTo(e.getValue().get("lower").asDouble());
                    assertThat(metrics.value("assay_estimated_metric_upper", l)).isEqualTo(e.getValue().get("upper").asDouble());
                });
                w.get("realised").fields().forEachRemaining(e -> assertThat(metrics.value("assay_realised_metric", Map.of("model", model,
                        "version", version, "metric", e.getKey()))).isEqualTo(e.getValue().asDouble()));
            }
        }
        assertThat(checked).as("drift samples compared").isEqualTo(2 * 22 + 3);
        assertThat(metrics.value("assay_realised_metric", Map.of("model", "credit", "version", "v1", "metric", "accuracy")))
                .isBetween(0.0, 1.0);
        assertThat(text).contains("feature=\"<script>alert(\\\"x\\\")</script>\\\\\"")
                .contains("version=\"v\\\"<b>'\"");
        assertThat(PrometheusText.parse(ok(service.api("GET", "/metrics", null, null).body())).samples).hasSameSizeAs(metrics.samples);
    }

    @Test
    void gaugesAreKeptForAFewSecondsThenComputedAgain() throws Exception {
        try (Storage storage = Storage.open(dir.resolve("data"), null)) {
            MonitoringStore store = new MonitoringStore(storage);
            long[] now = {1_000};
            WindowGauges gauges = new WindowGauges(store, new WindowSummaries(store, new Calibrations()), () -> now[0]);
            service.api("PUT", "/api/v1/models/cached", "application/json", "{}");
            String row = "{\"id\": \"%s\", \"timestamp\": \"2026-11-20T10:00:00Z\", \"version\": \"1\", \"features\": {\"x\": 1}, "
                    + "\"prediction\": \"1\", \"score\": 0.9}";
            service.api("POST", "/api/v1/models/cached/predictions", "application/json", "[" + String.format(row, "a") + "]");
            Map<String, String> labels = Map.of("model", "cached", "version", "1");
            assertThat(PrometheusText.parse(gauges.exposition()).value("assay_window_rows", labels)).isEqualTo(1);
            service.api("POST", "/api/v1/models/cached/predictions", "application/json", "[" + String.format(row, "b") + "]");
            now[0] += WindowGauges.TTL_MILLIS - 1;
            assertThat(PrometheusText.parse(gauges.exposition()).value("assay_window_rows", labels)).as("kept").isEqualTo(1);
            now[0] += 1;
            assertThat(PrometheusText.parse(gauges.exposition()).value("assay_window_rows", labels)).as("computed again").isEqualTo(2);
        }
    }

    /** The HTML of the section with that id. */
    private static String section(String page, String id) {
        int from = page.indexOf("<section id=\"" + id + "\"");
        assertThat(from).as("section %s", id).isNotNegative();
        return page.substring(from, page.indexOf("</section>", from));
    }

    private static String ok(String body) {
        assertThat(body).isNotEmpty();
        return body;
    }
}
