package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: new_categories}: values of category and text columns in the current data that the
 * reference data never has, as Deepchecks' {@code NewCategoryTrainTest}. Per column it measures
 * {@code new_category_count[column]} (distinct new values) and {@code new_category_share[column]}
 * (current rows holding a new value / current rows with a value); also
 * {@code max_new_category_share}.
 */
public final class NewCategoriesKind extends IntegrityKind {

    public NewCategoriesKind() {
        super("new_categories", "New categories: values in the current data that the reference data never has.",
                List.of(columnsKey("the category and text feature columns")),
                List.of("new_category_count", "new_category_share", "max_new_category_share"), Requirements.NONE.withReference());
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Dataset current = context.current();
            Frame ref = context.reference().orElseThrow().frame();
            Frame frame = current.frame();
            List<String> columns = ColumnChoice.nonNumeric(frame, ColumnChoice.features(current, named));
            Observations obs = new Observations();
            List<List<Object>> rows = new ArrayList<>();
            double max = 0;
            for (String name : columns) {
                if (!ref.has(name)) {
                    throw new InvalidInputException("Column '" + Excerpt.of(name) + "' is not in the reference data"
                            + (ref.source() == null ? "" : " " + ref.source()) + ". Name the shared columns in 'columns'.");
                }
                Set<String> known = new HashSet<>();
                Column r = ref.column(name);
                for (int i = 0; i < r.size(); i++) {
                    known.add(r.format(i));
                }
                Column c = frame.column(name);
                Map<String, RowSamples> fresh = new LinkedHashMap<>();
                Map<String, Integer> freshCounts = new LinkedHashMap<>();
                int present = 0;
                int newRows = 0;
                for (int i = 0; i < c.size(); i++) {
                    String v = c.format(i);
                    if (v == null) {
                        continue;
                    }
                    present++;
                    if (!known.contains(v)) {
                        newRows++;
                        fresh.computeIfAbsent(v, k -> new RowSamples(frame)).offer(i);
                        freshCounts.merge(v, 1, Integer::sum);
                    }
                }
                double share = present == 0 ? Double.NaN : (double) newRows / present;
                obs.measurement(Measurement.of("new_category_count", name, fresh.size(), present));
                obs.measurement(Measurement.of("new_category_share", name, share, present));
                if (newRows > 0) {
                    max = Math.max(max, share);
                }
                for (Map.Entry<String, RowSamples> e : fresh.entrySet()) {
                    if (rows.size() < 3 * Evidence.MAX_ROWS) {
                        rows.add(List.of(name, Excerpt.of(e.getKey()), freshCounts.get(e.getKey()), e.getValue().describe()));
                    }
                }
            }
            obs.measurement(Measurement.of("max_new_category_share", max, frame.rowCount()));
            obs.table(new EvidenceTable("Values not in the reference data", List.of("column", "value", "rows", "sample rows"), rows));
            long withNew = obs.measurements().stream().filter(m -> m.name().equals("new_category_count") && m.value() > 0).count();
            obs.summary(withNew == 0 ? "No new categories in " + columns.size() + " columns."
                    : withNew + " of " + columns.size() + " columns have values the reference data does not have.");
            return obs;
        });
    }
}
