package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.pii.ColumnFindings;
import java.util.List;
import java.util.Locale;

/**
 * What {@code assay pii} found, as JSON ({@code columns}: column to entity to the number of values holding it, every
 * scanned column present; {@code examples}: column to entity to masked examples; {@code rows}, {@code threshold})
 * or as text.
 */
record PiiOutput(String data, int rows, double threshold, List<ColumnFindings> findings) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("rows", rows);
        root.put("threshold", threshold);
        ObjectNode columns = root.putObject("columns");
        ObjectNode examples = root.putObject("examples");
        for (ColumnFindings f : findings) {
            ObjectNode c = columns.putObject(f.column());
            f.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey().name(), e.getValue()));
            if (f.any()) {
                ObjectNode x = examples.putObject(f.column());
                f.examples().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> e.getValue().forEach(x.putArray(e.getKey().name())::add));
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder();
        long found = findings.stream().filter(ColumnFindings::any).count();
        out.append(String.format(Locale.ROOT, "Personal data in %s (%d rows, %d columns scanned, score >= %.2f): %s%n", data, rows,
                findings.size(), threshold, found == 0 ? "none found" : found + (found == 1 ? " column" : " columns")));
        for (ColumnFindings f : findings) {
            if (!f.any()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%n  %s%n", f.column()));
            f.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> out.append(String.format(Locale.ROOT,
                    "    %-14s %7d of %d values   e.g. %s%n", e.getKey().name(), e.getValue(), f.values(),
                    String.join(", ", f.examples().get(e.getKey())))));
        }
        return out.toString().stripTrailing();
    }
}
