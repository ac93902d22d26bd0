package dev.assay.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.result.ConfusionCounts;

/**
 * The one JSON shape of a confusion matrix, shared by {@code report.json} and
 * {@code assay evaluate --format json}: {@code {"labels": [...], "counts": [[...], ...],
 * "weighted": false}}, rows are true classes and columns predicted classes in the order of
 * {@code labels}; counts are whole numbers unless weighted.
 */
public final class ConfusionMatrixJson {
    private ConfusionMatrixJson() {
    }

    /** {@code counts} as a JSON object. */
    public static ObjectNode of(ConfusionCounts counts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode labels = node.putArray("labels");
        counts.labels().forEach(labels::add);
        ArrayNode rows = node.putArray("counts");
        int k = counts.labels().size();
        for (int t = 0; t < k; t++) {
            ArrayNode row = rows.addArray();
            for (int p = 0; p < k; p++) {
                double c = counts.count(t, p);
                if (!counts.weighted() && c == Math.rint(c) && Math.abs(c) < 1e15) {
                    row.add((long) c);
                } else {
                    row.add(c);
                }
            }
        }
        node.put("weighted", counts.weighted());
        return node;
    }
}
