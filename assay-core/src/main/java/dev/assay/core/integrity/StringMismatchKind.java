package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code type: string_mismatch}: categories written in more than one way ({@code "Private"},
 * {@code "private "}, {@code "PRIVATE."}): distinct values with the same {@linkplain BaseForm base
 * form}, as Deepchecks' {@code StringMismatch}. Per column it measures
 * {@code mismatch_groups[column]} (base forms with two or more spellings) and
 * {@code mismatch_share[column]} (rows holding a value of such a group / rows with a value); also
 * {@code max_mismatch_share}. Values with no letter or digit are left to {@code special_characters}.
 */
public final class StringMismatchKind extends IntegrityKind {

    public StringMismatchKind() {
        super("string_mismatch", "String mismatches: one category written in several ways (equal after case folding and"
                        + " removing spaces and punctuation).",
                List.of(columnsKey("every text or category column")),
                List.of("mismatch_groups", "mismatch_share", "max_mismatch_share"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            List<String> columns = ColumnChoice.nonNumeric(frame, ColumnChoice.all(context.current(), named));
            Observations obs = new Observations();
            List<List<Object>> rows = new ArrayList<>();
            double max = 0;
            for (String name : columns) {
                Column c = frame.column(name);
                Map<String, Map<String, Integer>> forms = new LinkedHashMap<>();
                Map<String, RowSamples> samples = new LinkedHashMap<>();
                int present = 0;
                for (int i = 0; i < c.size(); i++) {
                    String v = c.format(i);
                    if (v == null) {
                        continue;
                    }
                    present++;
                    String base = BaseForm.of(v);
                    if (!base.isEmpty()) {
                        forms.computeIfAbsent(base, k -> new TreeMap<>()).merge(v, 1, Integer::sum);
                        samples.computeIfAbsent(base + "\u0000" + v, k -> new RowSamples(frame)).offer(i);
                    }
                }
                int groups = 0;
                int mismatched = 0;
                for (Map.Entry<String, Map<String, Integer>> e : forms.entrySet()) {
                    if (e.getValue().size() < 2) {
                        continue;
                    }
                    groups++;
                    List<String> variants = new ArrayList<>();
                    for (Map.Entry<String, Integer> v : e.getValue().entrySet()) {
                        mismatched += v.getValue();
                        variants.add("'" + Excerpt.of(v.getKey()) + "' x" + v.getValue() + " ("
                                + samples.get(e.getKey() + "\u0000" + v.getKey()).describe() + ")");
                    }
                    rows.add(List.of(name, e.getKey(), String.join("; ", variants)));
                }
                double share = present == 0 ? Double.NaN : (double) mismatched / present;
                obs.measurement(Measurement.of("mismatch_groups", name, groups, present));
                obs.measurement(Measurement.of("mismatch_share", name, share, present));
                if (groups > 0) {
                    max = Math.max(max, share);
                }
            }
            obs.measurement(Measurement.of("max_mismatch_share", max, frame.rowCount()));
            obs.table(new EvidenceTable("Values written in several ways", List.of("column", "base form", "variants"),
                    rows.subList(0, Math.min(rows.size(), 3 * Evidence.MAX_ROWS))));
            obs.summary(rows.isEmpty() ? "No value of " + columns.size() + " text columns is written in two ways."
                    : rows.size() + (rows.size() == 1 ? " value is" : " values are") + " written in more than one way, in "
                            + rows.stream().map(r -> r.get(0)).distinct().count() + " of " + columns.size() + " text columns.");
            return obs;
        });
    }
}
