package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code type: class_imbalance}: the share of each class of the label, as pandas'
 * {@code value_counts(normalize=True)} (Deepchecks' {@code ClassImbalance}). Measures
 * {@code class_share[class]}, {@code minority_share} (the smallest class share) and
 * {@code imbalance_ratio} (rows of the smallest class / rows of the largest, 1 when balanced).
 * Rows with no label are left out and counted in a note.
 */
public final class ClassImbalanceKind extends IntegrityKind {

    public ClassImbalanceKind() {
        super("class_imbalance", "Class imbalance: the share of each class of the label.", List.of(),
                List.of("class_share", "minority_share", "imbalance_ratio"), Requirements.NONE.withRoles(ColumnRole.LABEL));
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        return new IntegrityCheck.Body() {
            @Override
            public Observations measure(CheckContext context) {
                Frame frame = context.current().frame();
                String name = context.current().schema().label();
                frame.column(name, "label");
                ColumnTallies.ValueCounts tally = ColumnTallies.of(context).valueCounts(name);
                Map<String, Long> counts = new TreeMap<>(tally.counts());
                long missing = tally.missing();
                long n = counts.values().stream().mapToLong(Long::longValue).sum();
                if (n == 0) {
                    throw new InvalidInputException("The label column '" + name + "' has no values"
                            + (frame.source() == null ? "" : " in " + frame.source()) + ". Fill in the labels.");
                }
                Observations obs = new Observations();
                List<List<Object>> rows = new ArrayList<>();
                long min = Long.MAX_VALUE;
                long max = 0;
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                    obs.measurement(Measurement.of("class_share", e.getKey(), (double) e.getValue() / n, n));
                    rows.add(List.of(e.getKey(), e.getValue(), (double) e.getValue() / n));
                    min = Math.min(min, e.getValue());
                    max = Math.max(max, e.getValue());
                }
                obs.measurement(Measurement.of("minority_share", (double) min / n, n));
                obs.measurement(Measurement.of("imbalance_ratio", (double) min / max, n));
                rows.sort((a, b) -> Long.compare((long) b.get(1), (long) a.get(1)));
                obs.table(new EvidenceTable("Classes of '" + name + "'", List.of("class", "rows", "share"), rows));
                if (missing > 0) {
                    obs.note(missing + " rows have no label and are not counted.");
                }
                obs.summary(String.format(Locale.ROOT, "%d classes; the smallest has %.2f%% of the rows (ratio to the largest %.3f).",
                        counts.size(), 100.0 * min / n, (double) min / max));
                return obs;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of();
            }
        };
    }
}
