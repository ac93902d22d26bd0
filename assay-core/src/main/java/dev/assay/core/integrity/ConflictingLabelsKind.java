package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Frame;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: conflicting_labels}: rows whose features are identical but whose labels differ, as
 * Deepchecks' {@code ConflictingLabels}. Measures {@code conflicting_count} (rows in a group of
 * identical features with two or more distinct labels), {@code conflicting_share} (that count /
 * rows) and {@code conflicting_groups}.
 */
public final class ConflictingLabelsKind extends IntegrityKind {

    public ConflictingLabelsKind() {
        super("conflicting_labels", "Conflicting labels: rows with identical features and different labels.",
                List.of(columnsKey("the feature columns")),
                List.of("conflicting_count", "conflicting_share", "conflicting_groups"),
                Requirements.NONE.withRoles(ColumnRole.LABEL));
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            String labelName = context.current().schema().label();
            List<String> features = new ArrayList<>(ColumnChoice.features(context.current(), named));
            features.remove(labelName);
            Column label = frame.column(labelName, "label");
            int n = frame.rowCount();
            List<int[]> conflicts = new ArrayList<>();
            int count = 0;
            for (int[] g : RowGroups.of(RowHashes.of(frame, features))) {
                Set<String> labels = new HashSet<>();
                for (int r : g) {
                    labels.add(String.valueOf(label.format(r)));
                }
                if (labels.size() > 1) {
                    conflicts.add(g);
                    count += g.length;
                }
            }
            conflicts.sort(Comparator.comparingInt((int[] g) -> -g.length));
            Observations obs = new Observations();
            obs.measurement(Measurement.of("conflicting_count", count, n));
            obs.measurement(Measurement.of("conflicting_share", n == 0 ? Double.NaN : (double) count / n, n));
            obs.measurement(Measurement.of("conflicting_groups", conflicts.size(), n));
            EvidenceTable groups = Evidence.groups("Groups of identical features with different labels", frame, conflicts);
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < groups.rows().size(); i++) {
                List<Object> row = new ArrayList<>(groups.rows().get(i));
                row.add(labelsOf(label, conflicts.get(i)));
                rows.add(row);
            }
            obs.table(new EvidenceTable(groups.title(), List.of("rows", "sample rows", "labels"), rows));
            obs.note("Features compared: " + features.size() + " columns; label: '" + labelName + "'.");
            obs.summary(count == 0 ? "No conflicting labels among " + n + " rows."
                    : String.format(Locale.ROOT, "%d rows (%.2f%%) in %d group(s) of identical features have different labels.",
                            count, 100.0 * count / n, conflicts.size()));
            return obs;
        });
    }

    private static String labelsOf(Column label, int[] rows) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int r : rows) {
            counts.merge(String.valueOf(label.format(r)), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(k + " x" + v));
        return String.join(", ", out);
    }
}
