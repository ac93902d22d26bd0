package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: mixed_types}: text or category columns holding both numbers ({@link NumberText}'s
 * spelling) and other text, like Deepchecks' {@code MixedDataTypes}. Per column it measures
 * {@code number_share[column]} (numbers among the non-missing values) and {@code mixed_share[column]}
 * (the minority kind's share: min(numbers, texts) / non-missing, 0 when the column is pure); also
 * {@code mixed_columns} (columns holding both) and {@code max_mixed_share}. Numeric columns are pure
 * by construction and not listed.
 */
public final class MixedTypesKind extends IntegrityKind {

    public MixedTypesKind() {
        super("mixed_types", "Mixed types: text columns that hold both numbers and other text.",
                List.of(columnsKey("every text or category column")),
                List.of("number_share", "mixed_share", "mixed_columns", "max_mixed_share"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            List<String> columns = ColumnChoice.nonNumeric(frame, ColumnChoice.all(context.current(), named));
            Observations obs = new Observations();
            List<List<Object>> rows = new ArrayList<>();
            int mixed = 0;
            double max = 0;
            for (String name : columns) {
                Column c = frame.column(name);
                RowSamples numberRows = new RowSamples(frame);
                RowSamples textRows = new RowSamples(frame);
                int numbers = 0;
                int texts = 0;
                for (int i = 0; i < c.size(); i++) {
                    String v = c.format(i);
                    if (v == null) {
                        continue;
                    }
                    if (NumberText.isNumber(v)) {
                        numbers++;
                        numberRows.offer(i);
                    } else {
                        texts++;
                        textRows.offer(i);
                    }
                }
                int present = numbers + texts;
                double share = present == 0 ? Double.NaN : (double) Math.min(numbers, texts) / present;
                obs.measurement(Measurement.of("number_share", name, present == 0 ? Double.NaN : (double) numbers / present, present));
                obs.measurement(Measurement.of("mixed_share", name, share, present));
                if (numbers > 0 && texts > 0) {
                    mixed++;
                    max = Math.max(max, share);
                    boolean fewNumbers = numbers <= texts;
                    rows.add(List.of(name, numbers, texts, share, (fewNumbers ? numberRows : textRows).describe()));
                }
            }
            obs.measurement(Measurement.of("mixed_columns", mixed, frame.rowCount()));
            obs.measurement(Measurement.of("max_mixed_share", max, frame.rowCount()));
            obs.table(new EvidenceTable("Columns with numbers and text", List.of("column", "numbers", "texts",
                    "minority share", "sample rows of the minority"), rows));
            obs.summary(mixed == 0 ? "No mixed types in " + columns.size() + " text columns."
                    : mixed + " of " + columns.size() + " text columns hold both numbers and text.");
            return obs;
        });
    }
}
