package dev.assay.server;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters in Prometheus' text exposition format (version 0.0.4): {@code assay_*} names,
 * a HELP and a TYPE line each, label values escaped.
 */
final class ServerMetrics {
    private final Map<String, LongAdder> ingestedRows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> duplicateRows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ingestedLabels = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();

    void predictions(String model, MonitoringStore.Stored s) {
        ingestedRows.computeIfAbsent(model, m -> new LongAdder()).add(s.added());
        duplicateRows.computeIfAbsent(model, m -> new LongAdder()).add(s.duplicates());
    }

    void labels(String model, MonitoringStore.Stored s) {
        ingestedLabels.computeIfAbsent(model, m -> new LongAdder()).add(s.added());
    }

    void refused(int status) {
        refused.computeIfAbsent(status, m -> new LongAdder()).increment();
    }

    String exposition() {
        StringBuilder s = new StringBuilder();
        counter(s, "assay_ingested_rows_total", "Predictions stored, by model.", "model", ingestedRows);
        counter(s, "assay_duplicate_rows_total", "Predictions received again with an id already stored (not stored twice).", "model",
                duplicateRows);
        counter(s, "assay_ingested_labels_total", "Labels stored, by model.", "model", ingestedLabels);
        Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        refused.forEach((k, v) -> byStatus.put(String.valueOf(k), v));
        counter(s, "assay_refused_requests_total", "Requests refused, by HTTP status.", "status", byStatus);
        return s.toString();
    }

    private static void counter(StringBuilder s, String name, String help, String label, Map<String, LongAdder> values) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(" counter\n");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> s.append(String.format(Locale.ROOT,
                "%s{%s=\"%s\"} %d%n", name, label, escape(e.getKey()), e.getValue().sum())));
    }

    /** Escapes a label value: backslash, double quote and line feed. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
