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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code type: special_characters}: values of text and category columns made only of special
 * characters, with no letter or digit ({@code "?"}, {@code "-"}, {@code "#"}), often undeclared
 * missing-value markers, as Deepchecks' {@code SpecialCharacters}. Per column it measures
 * {@code special_count[column]} and {@code special_share[column]} (count / rows with a value); also
 * {@code max_special_share}.
 */
public final class SpecialCharactersKind extends IntegrityKind {

    public SpecialCharactersKind() {
        super("special_characters", "Special characters: text values with no letter or digit, such as '?' or '-'.",
                List.of(columnsKey("every text or category column")),
                List.of("special_count", "special_share", "max_special_share"), Requirements.NONE);
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
                Map<String, Integer> values = new TreeMap<>();
                RowSamples samples = new RowSamples(frame);
                int present = 0;
                int count = 0;
                for (int i = 0; i < c.size(); i++) {
                    String v = c.format(i);
                    if (v == null) {
                        continue;
                    }
                    present++;
                    if (BaseForm.of(v).isEmpty()) {
                        count++;
                        values.merge(v, 1, Integer::sum);
                        samples.offer(i);
                    }
                }
                double share = present == 0 ? Double.NaN : (double) count / present;
                obs.measurement(Measurement.of("special_count", name, count, present));
                obs.measurement(Measurement.of("special_share", name, share, present));
                if (count > 0) {
                    max = Math.max(max, share);
                    List<String> shown = new ArrayList<>();
                    values.forEach((k, v) -> shown.add("'" + Excerpt.of(k) + "' x" + v));
                    rows.add(List.of(name, count, share, String.join(", ", shown), samples.describe()));
                }
            }
            obs.measurement(Measurement.of("max_special_share", max, frame.rowCount()));
            obs.table(new EvidenceTable("Values made only of special characters", List.of("column", "rows", "share", "values",
                    "sample rows"), rows));
            obs.summary(rows.isEmpty() ? "No value made only of special characters in " + columns.size() + " text columns."
                    : rows.size() + " of " + columns.size() + " text columns hold values made only of special characters.");
            return obs;
        });
    }
}
