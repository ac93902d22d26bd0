package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: missing_values}: the missing values of each column (NaN, empty, or a marker the data
 * section declares missing, such as Adult's {@code ?}). Measures {@code missing_count[column]},
 * {@code missing_share[column]} (count / rows, as pandas' {@code df.isna().mean()}) and
 * {@code max_missing_share}; the evidence lists each column with missing values and sample rows.
 */
public final class MissingValuesKind extends IntegrityKind {

    public MissingValuesKind() {
        super("missing_values", "Missing values by column: count and share of rows with no value.",
                List.of(columnsKey("every column but predictions and scores")),
                List.of("missing_count", "missing_share", "max_missing_share"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            List<String> columns = ColumnChoice.all(context.current(), named);
            int n = frame.rowCount();
            Observations obs = new Observations();
            List<List<Object>> rows = new ArrayList<>();
            double max = 0;
            int withMissing = 0;
            for (String name : columns) {
                Column c = frame.column(name);
                RowSamples samples = new RowSamples(frame);
                int missing = 0;
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        missing++;
                        samples.offer(i);
                    }
                }
                double share = n == 0 ? Double.NaN : (double) missing / n;
                obs.measurement(Measurement.of("missing_count", name, missing, n));
                obs.measurement(Measurement.of("missing_share", name, share, n));
                if (missing > 0) {
                    withMissing++;
                    max = Math.max(max, share);
                    rows.add(List.of(name, missing, share, samples.describe()));
                }
            }
            obs.measurement(Measurement.of("max_missing_share", n == 0 ? Double.NaN : max, n));
            rows.sort((a, b) -> Double.compare((double) b.get(2), (double) a.get(2)));
            obs.table(new EvidenceTable("Columns with missing values", List.of("column", "missing", "share", "sample rows"), rows));
            obs.summary(withMissing == 0 ? "No missing values in " + columns.size() + " columns."
                    : String.format(Locale.ROOT, "%d of %d columns have missing values; most: %s (%.2f%%).", withMissing,
                            columns.size(), rows.get(0).get(0), 100 * (double) rows.get(0).get(2)));
            return obs;
        });
    }
}
