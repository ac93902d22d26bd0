package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.chart.Chart;
import dev.assay.core.data.Frame;
import dev.assay.core.explain.methods.ExplainResult;
import dev.assay.core.explain.ExplanationCharts;
import dev.assay.core.explain.ExplanationStatistics;
import dev.assay.core.explain.methods.Explainers;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.RowExplanation;
import dev.assay.core.result.AssayVersion;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.report.HtmlReportWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay explain} prints: JSON ({@code base_value}, {@code rows} of {@code row}, {@code output},
 * {@code values}, {@code errors}; {@code global}; settings and cost), a text summary, or an HTML or
 * Markdown summary of one result with the importance, beeswarm and waterfall charts.
 */
record ExplainOutput(String model, String data, String explained, ExplainResult result, Frame frame, List<Feature> features,
        Duration took) {
    private static final int WATERFALLS = 5;
    private static final int TABLE_FEATURES = 8;

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("model", model);
        root.put("data", data);
        root.put("method", result.method().id());
        root.put("output", explained);
        root.set("settings", mapper.valueToTree(result.settings()));
        root.put("model_calls", result.modelCalls());
        root.put("predicted_rows", result.predictedRows());
        Explanation e = result.explanation();
        if (e != null) {
            number(root, "base_value", e.baseValue());
            number(root, "additivity_error", result.additivityError());
            ArrayNode rows = root.putArray("rows");
            for (RowExplanation r : e.rows()) {
                ObjectNode row = rows.addObject();
                row.put("row", r.row());
                number(row, "output", r.output());
                number(row, "base", r.base());
                ObjectNode values = row.putObject("values");
                ObjectNode errors = row.putObject("errors");
                for (int f = 0; f < e.features().size(); f++) {
                    number(values, e.features().get(f), r.values()[f]);
                    number(errors, e.features().get(f), r.errors()[f]);
                }
            }
            root.put("global_measure", "mean absolute value over the rows");
        } else {
            root.put("global_measure", "mean drop of the score over " + Explainers.REPEATS + " shuffles of the feature (permutation"
                    + " importance); no per-row values");
            ObjectNode std = root.putObject("global_std");
            for (int f = 0; f < result.importances().features().size(); f++) {
                number(std, result.importances().features().get(f), result.importances().std(f));
            }
            number(root, "baseline_score", result.importances().baseline());
        }
        ObjectNode global = root.putObject("global");
        result.global().forEach((f, v) -> number(global, f, v));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Explained ").append(explained).append(" of ").append(model).append(" on ").append(data).append(" with ")
                .append(result.method().id()).append('\n');
        Explanation e = result.explanation();
        if (e != null) {
            sb.append("  ").append(e.rows().size()).append(" rows, base value ").append(Format.number(e.baseValue()))
                    .append(", additivity error ").append(Format.number(result.additivityError())).append('\n');
        }
        sb.append("  ").append(result.modelCalls()).append(" model calls, ").append(result.predictedRows())
                .append(" rows predicted\n\n");
        sb.append(Format.table(globalTable()));
        return sb.toString();
    }

    String html(DatasetInfo info) {
        return new HtmlReportWriter().render(suite(info));
    }

    /** A Markdown summary: what was explained, the global ranking and the contributions per row (no charts). */
    String markdown() {
        StringBuilder sb = new StringBuilder("## Explanation of ").append(md(model)).append("\n\n")
                .append("The ").append(md(explained)).append(" on ").append(md(data)).append(", explained with ")
                .append(md(result.method().id())).append(" (").append(result.modelCalls()).append(" model calls).\n");
        if (result.explanation() != null) {
            sb.append("Base value ").append(Format.number(result.explanation().baseValue())).append(", additivity error ")
                    .append(Format.number(result.additivityError())).append(".\n");
            markdownTable(sb, globalTable());
            double[] global = result.global().values().stream().mapToDouble(Double::doubleValue).toArray();
            markdownTable(sb, rowTable(result.explanation(), ExplanationStatistics.ranks(global)));
        } else {
            markdownTable(sb, globalTable());
        }
        return sb.toString();
    }

    private static void markdownTable(StringBuilder sb, EvidenceTable t) {
        sb.append("\n### ").append(md(t.title())).append("\n\n| ");
        t.columns().forEach(c -> sb.append(md(c)).append(" | "));
        sb.append("\n|");
        t.columns().forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            sb.append("| ");
            for (Object o : row) {
                sb.append(o instanceof Double d ? Format.number(d) : md(String.valueOf(o))).append(" | ");
            }
            sb.append('\n');
        }
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("_", "\\_").replace("*", "\\*");
    }

    private SuiteResult suite(DatasetInfo info) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("method", result.method().id());
        settings.put("output", explained);
        result.settings().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        Provenance provenance = new Provenance(AssayVersion.current(), Instant.now(), List.of(info), settings,
                Map.of("name", model), environment);
        return new SuiteResult("Explanation of " + model, "The " + explained + ", explained with " + result.method().id() + ".",
                List.of(check()), provenance, took);
    }

    private CheckResult check() {
        List<Measurement> measurements = new ArrayList<>();
        double[] global = result.global().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] rank = ExplanationStatistics.ranks(global);
        int n = result.explanation() != null ? result.explanation().rows().size() : frame.rowCount();
        for (int f = 0; f < global.length; f++) {
            measurements.add(Measurement.of("importance", result.features().get(f), global[f], n));
            measurements.add(Measurement.of("rank", result.features().get(f), rank[f], n));
        }
        measurements.add(Measurement.of("concentration", ExplanationStatistics.concentration(global), n));
        List<EvidenceTable> tables = new ArrayList<>(List.of(globalTable()));
        List<Chart> charts = new ArrayList<>(List.of(ExplanationCharts.importance(result.global(), what())));
        Explanation e = result.explanation();
        List<String> notes = new ArrayList<>();
        if (e != null) {
            measurements.add(Measurement.of("additivity_error", result.additivityError(), n));
            charts.add(ExplanationCharts.beeswarm(e, frame, features));
            charts.addAll(ExplanationCharts.waterfalls(e, frame, features, WATERFALLS));
            tables.add(rowTable(e, rank));
            notes.add("Each row's output = base value + the sum of its contributions (Shapley values against a background of "
                    + result.settings().get("background_rows") + " rows sampled from the data).");
        } else {
            notes.add("Permutation importance: the drop in the score when one feature's values are shuffled across the rows;"
                    + " it ranks features globally and gives no per-row values.");
        }
        notes.add(result.modelCalls() + " model calls, " + result.predictedRows() + " rows predicted.");
        String top = (String) globalTable().rows().get(0).get(0);
        String summary = String.format(Locale.ROOT, "%d features; %s ranks first (%.3g of the total importance)",
                global.length, top, ExplanationStatistics.concentration(global));
        return new CheckResult("Explanation (" + result.method().id() + ")", "explanation", Status.PASS, summary, measurements,
                List.of(), tables, charts, notes, took);
    }

    private String what() {
        return result.explanation() != null ? "mean |contribution|" : "mean score drop";
    }

    private EvidenceTable globalTable() {
        double[] global = result.global().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] rank = ExplanationStatistics.ranks(global);
        List<List<Object>> rows = new ArrayList<>();
        for (int f = 0; f < global.length; f++) {
            rows.add(List.of(result.features().get(f), rank[f], global[f]));
        }
        rows.sort((a, b) -> Double.compare((Double) a.get(1), (Double) b.get(1)));
        return new EvidenceTable("Global importance (" + what() + ")", List.of("feature", "rank", "importance"), rows);
    }

    /** The explained rows with their output, base and the values of the most important features. */
    private static EvidenceTable rowTable(Explanation e, double[] rank) {
        Integer[] order = new Integer[rank.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(rank[a], rank[b]));
        int shown = Math.min(TABLE_FEATURES, order.length);
        List<String> columns = new ArrayList<>(List.of("row", "output", "base"));
        for (int i = 0; i < shown; i++) {
            columns.add(e.features().get(order[i]));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RowExplanation r : e.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.row(), r.output(), r.base()));
            for (int i = 0; i < shown; i++) {
                row.add(r.values()[order[i]]);
            }
            rows.add(row);
        }
        return new EvidenceTable("Contributions per row" + (order.length > shown ? " (the " + shown + " most important features)"
                : ""), columns, rows);
    }
}
