package dev.assay.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.BeeswarmChart;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.WaterfallChart;
import dev.assay.core.chart.XYChart;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.json}: the whole result in the versioned schema documented in
 * {@code docs/report-json.md} and published as the JSON Schema resource
 * {@code dev/assay/report/report.schema.json}. Every field is always present; undefined or
 * non-finite numbers are written as {@code null}.
 */
public final class JsonReportWriter implements ReportWriter {

    /** The value of the top-level {@code "schema"} field. */
    public static final String SCHEMA = "assay-report";
    /** The value of the top-level {@code "schemaVersion"} field; raised on any incompatible change. */
    public static final int SCHEMA_VERSION = 2;
    /** The class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/dev/assay/report/report.schema.json";

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    @Override
    public String fileName() {
        return "report.json";
    }

    @Override
    public void write(SuiteResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("suite", result.suite());
            g.writeStringField("description", result.description());
            g.writeStringField("status", result.status().id());
            g.writeObjectFieldStart("counts");
            int total = 0;
            for (Map.Entry<Status, Integer> e : result.counts().entrySet()) {
                g.writeNumberField(e.getKey().id(), e.getValue());
                total += e.getValue();
            }
            g.writeNumberField("total", total);
            g.writeEndObject();
            g.writeFieldName("durationSeconds");
            number(g, Values.seconds(result.duration()));
            provenance(g, result.provenance());
            g.writeArrayFieldStart("checks");
            for (CheckResult c : result.checks()) {
                check(g, c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void provenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeObjectFieldStart("provenance");
        g.writeStringField("assayVersion", p == null ? null : p.assayVersion());
        g.writeStringField("startedAt", p == null || p.startedAt() == null ? null : p.startedAt().toString());
        g.writeArrayFieldStart("datasets");
        for (DatasetInfo d : p == null ? List.<DatasetInfo>of() : p.datasets()) {
            g.writeStartObject();
            g.writeStringField("role", d.role());
            g.writeStringField("location", d.location());
            g.writeNumberField("rows", d.rows());
            g.writeNumberField("columns", d.columns());
            g.writeStringField("fingerprint", d.fingerprint());
            g.writeEndObject();
        }
        g.writeEndArray();
        stringMap(g, "settings", p == null ? Map.of() : p.settings());
        stringMap(g, "model", p == null ? Map.of() : p.model());
        stringMap(g, "environment", p == null ? Map.of() : p.environment());
        g.writeObjectFieldStart("checks");
        for (Map.Entry<String, Map<String, String>> e : (p == null ? Map.<String, Map<String, String>>of() : p.checks()).entrySet()) {
            stringMap(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void stringMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void check(JsonGenerator g, CheckResult c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("kind", c.kind());
        g.writeStringField("status", c.status().id());
        g.writeStringField("message", c.message());
        g.writeFieldName("durationSeconds");
        number(g, Values.seconds(c.duration()));
        g.writeArrayFieldStart("measurements");
        for (Measurement m : c.measurements()) {
            measurement(g, m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("conditions");
        for (ConditionOutcome o : c.conditions()) {
            g.writeStartObject();
            g.writeStringField("condition", o.condition());
            g.writeStringField("severity", o.severity() == null ? null : o.severity().id());
            g.writeStringField("metric", o.metric());
            g.writeFieldName("measured");
            number(g, o.measured());
            g.writeFieldName("threshold");
            number(g, o.threshold());
            g.writeBooleanField("passed", o.passed());
            g.writeStringField("message", o.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "notes", c.notes());
        g.writeArrayFieldStart("tables");
        for (EvidenceTable t : c.tables()) {
            table(g, t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("charts");
        for (Chart chart : c.charts()) {
            chart(g, chart);
        }
        g.writeEndArray();
        g.writeFieldName("confusion_matrix");
        if (c.confusionMatrix() == null) {
            g.writeNull();
        } else {
            g.writeTree(ConfusionMatrixJson.of(c.confusionMatrix()));
        }
        g.writeEndObject();
    }

    private static void measurement(JsonGenerator g, Measurement m) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeStringField("key", m.key());
        g.writeFieldName("value");
        number(g, m.value());
        g.writeFieldName("interval");
        Interval i = m.interval();
        if (i == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName("lower");
            number(g, i.lower());
            g.writeFieldName("upper");
            number(g, i.upper());
            g.writeNumberField("level", i.level());
            g.writeStringField("method", i.method());
            g.writeEndObject();
        }
        g.writeFieldName("reference");
        if (m.reference() == null) {
            g.writeNull();
        } else {
            number(g, m.reference());
        }
        g.writeNumberField("n", m.n());
        g.writeStringField("note", m.note());
        strings(g, "warnings", m.warnings());
        g.writeEndObject();
    }

    private static void table(JsonGenerator g, EvidenceTable t) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", t.title());
        strings(g, "columns", t.columns());
        g.writeArrayFieldStart("rows");
        for (List<Object> row : t.rows()) {
            g.writeStartArray();
            for (Object cell : row) {
                if (cell == null) {
                    g.writeNull();
                } else if (cell instanceof Double || cell instanceof Float) {
                    number(g, ((Number) cell).doubleValue());
                } else if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
                    g.writeNumber(((Number) cell).longValue());
                } else if (cell instanceof BigDecimal big) {
                    g.writeNumber(big);
                } else if (cell instanceof BigInteger big) {
                    g.writeNumber(big);
                } else if (cell instanceof Number other) {
                    number(g, other.doubleValue());
                } else {
                    g.writeString(cell.toString());
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void chart(JsonGenerator g, Chart chart) throws IOException {
        g.writeStartObject();
        if (chart instanceof HeatmapChart h) {
            g.writeStringField("type", "heatmap");
            g.writeStringField("title", h.title());
            g.writeStringField("caption", h.caption());
            g.writeStringField("rowAxisLabel", h.rowAxisLabel());
            g.writeStringField("columnAxisLabel", h.columnAxisLabel());
            strings(g, "rowLabels", h.rowLabels());
            strings(g, "columnLabels", h.columnLabels());
            g.writeArrayFieldStart("values");
            for (double[] row : h.values()) {
                numbers(g, row);
            }
            g.writeEndArray();
        } else if (chart instanceof XYChart xy) {
            g.writeStringField("type", "xy");
            g.writeStringField("title", xy.title());
            g.writeStringField("caption", xy.caption());
            axis(g, "xAxis", xy.x());
            axis(g, "yAxis", xy.y());
            g.writeArrayFieldStart("series");
            for (Series s : xy.series()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("style", s.style().name().toLowerCase(Locale.ROOT));
                g.writeFieldName("x");
                numbers(g, s.x());
                g.writeFieldName("y");
                numbers(g, s.y());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (chart instanceof BarChart b) {
            g.writeStringField("type", "bar");
            g.writeStringField("title", b.title());
            g.writeStringField("caption", b.caption());
            g.writeStringField("valueAxisLabel", b.valueAxisLabel());
            strings(g, "categories", b.categories());
            g.writeArrayFieldStart("series");
            for (int i = 0; i < b.series().size(); i++) {
                g.writeStartObject();
                g.writeStringField("name", b.seriesNames().get(i));
                g.writeFieldName("values");
                numbers(g, b.series().get(i));
                if (b.hasIntervals()) {
                    g.writeFieldName("lower");
                    numbers(g, b.lower().get(i));
                    g.writeFieldName("upper");
                    numbers(g, b.upper().get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (chart instanceof WaterfallChart w) {
            g.writeStringField("type", "waterfall");
            g.writeStringField("title", w.title());
            g.writeStringField("caption", w.caption());
            g.writeStringField("valueAxisLabel", w.valueAxisLabel());
            g.writeFieldName("base");
            number(g, w.base());
            strings(g, "labels", w.labels());
            g.writeFieldName("contributions");
            numbers(g, w.contributions());
            g.writeFieldName("output");
            number(g, w.output());
        } else if (chart instanceof BeeswarmChart b) {
            g.writeStringField("type", "beeswarm");
            g.writeStringField("title", b.title());
            g.writeStringField("caption", b.caption());
            g.writeStringField("valueAxisLabel", b.valueAxisLabel());
            strings(g, "features", b.features());
            g.writeArrayFieldStart("values");
            for (double[] row : b.values()) {
                numbers(g, row);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("shades");
            for (double[] row : b.shades()) {
                numbers(g, row);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void axis(JsonGenerator g, String field, Axis axis) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("label", axis == null ? null : axis.label());
        g.writeFieldName("min");
        number(g, axis == null ? Double.NaN : axis.min());
        g.writeFieldName("max");
        number(g, axis == null ? Double.NaN : axis.max());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, double[] values) throws IOException {
        g.writeStartArray();
        for (double v : values) {
            number(g, v);
        }
        g.writeEndArray();
    }

    /** A finite number as is; NaN and infinities as null, since JSON has no such numbers. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }
}
