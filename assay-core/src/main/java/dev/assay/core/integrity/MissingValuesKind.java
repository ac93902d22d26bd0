package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: missing_values}: the missing values of each column (NaN, empty, or a marker the data
 * section declares missing, such as Adult's {@code ?}). Measures {@code missing_count[column]},
 * {@code missing_share[column]} (count / rows, as pandas' {@code df.isna().mean()}) and
 * {@code max_missing_share}; the evidence lists each column with missing values and sample rows. On
 * profiles of the data ({@link CheckContext#profiles()}) the counts are the profiles' exact ones.
 */
public final class MissingValuesKind extends IntegrityKind {
    /** The sample rows of evidence counted from a profile, which keeps no rows. */
    static final String NO_ROWS = "(counted from a profile)";

    public MissingValuesKind() {
        super("missing_values", "Missing values by column: count and share of rows with no value.",
                List.of(columnsKey("every column but predictions and scores")),
                List.of("missing_count", "missing_share", "max_missing_share"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            List<String> columns = ColumnChoice.all(context.current(), named);
            if (context.profiles().isPresent()) {
                DatasetProfile profile = context.profiles().get().current();
                long[] missing = columns.stream().mapToLong(c -> profile.column(c).missing()).toArray();
                Observations obs = observe(columns, missing, profile.rows(), c -> NO_ROWS);
                obs.note("Counted from the profile of the data: exact counts, no rows kept.");
                return obs;
            }
            Frame frame = context.current().frame();
            int n = frame.rowCount();
            long[] missing = new long[columns.size()];
            Map<String, RowSamples> samples = new HashMap<>();
            for (int k = 0; k < columns.size(); k++) {
                Column c = frame.column(columns.get(k));
                RowSamples rows = new RowSamples(frame);
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        missing[k]++;
                        rows.offer(i);
                    }
                }
                samples.put(columns.get(k), rows);
            }
            return observe(columns, missing, n, c -> samples.get(c).describe());
        });
    }

    /** The measurements, evidence and summary of {@code missing[k]} missing values in {@code columns[k]} of {@code n} rows. */
    private static Observations observe(List<String> columns, long[] missing, long n, Function<String, String> sampleRows) {
        Observations obs = new Observations();
        List<List<Object>> rows = new ArrayList<>();
        double max = 0;
        int withMissing = 0;
        for (int k = 0; k < columns.size(); k++) {
            String name = columns.get(k);
            double share = n == 0 ? Double.NaN : (double) missing[k] / n;
            obs.measurement(Measurement.of("missing_count", name, missing[k], n));
            obs.measurement(Measurement.of("missing_share", name, share, n));
            if (missing[k] > 0) {
                withMissing++;
                max = Math.max(max, share);
                rows.add(List.of(name, missing[k], share, sampleRows.apply(name)));
            }
        }
        obs.measurement(Measurement.of("max_missing_share", n == 0 ? Double.NaN : max, n));
        rows.sort((a, b) -> Double.compare((double) b.get(2), (double) a.get(2)));
        obs.table(new EvidenceTable("Columns with missing values", List.of("column", "missing", "share", "sample rows"), rows));
        obs.summary(withMissing == 0 ? "No missing values in " + columns.size() + " columns."
                : String.format(Locale.ROOT, "%d of %d columns have missing values; most: %s (%.2f%%).", withMissing,
                        columns.size(), rows.get(0).get(0), 100 * (double) rows.get(0).get(2)));
        return obs;
    }
}
