package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: duplicate_rows}: rows equal in every checked column to an earlier row. Measures
 * {@code duplicate_count} (pandas' {@code df.duplicated().sum()}: rows beyond the first of each
 * group), {@code duplicate_share} (that count / rows, Deepchecks' {@code DataDuplicates}) and
 * {@code duplicate_groups} (values that occur more than once); the evidence lists the largest groups
 * with their rows.
 */
public final class DuplicateRowsKind extends IntegrityKind {

    public DuplicateRowsKind() {
        super("duplicate_rows", "Duplicate rows: rows equal in every checked column to an earlier row.",
                List.of(columnsKey("every column but predictions and scores")),
                List.of("duplicate_count", "duplicate_share", "duplicate_groups"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            List<String> columns = ColumnChoice.all(context.current(), named);
            int n = frame.rowCount();
            List<int[]> groups = new ArrayList<>(RowGroups.of(RowHashes.of(frame, columns)));
            int duplicates = n - groups.size();
            groups.removeIf(g -> g.length < 2);
            groups.sort(Comparator.comparingInt((int[] g) -> -g.length));
            Observations obs = new Observations();
            obs.measurement(Measurement.of("duplicate_count", duplicates, n));
            obs.measurement(Measurement.of("duplicate_share", n == 0 ? Double.NaN : (double) duplicates / n, n));
            obs.measurement(Measurement.of("duplicate_groups", groups.size(), n));
            obs.table(Evidence.groups("Largest groups of duplicate rows", frame, groups));
            obs.summary(duplicates == 0 ? "No duplicate rows among " + n + "."
                    : String.format(Locale.ROOT, "%d of %d rows (%.2f%%) repeat an earlier row, in %d groups.", duplicates, n,
                            100.0 * duplicates / n, groups.size()));
            return obs;
        });
    }
}
