package dev.assay.core.drift;

import java.util.List;
import java.util.Map;

/**
 * Drift of a data set: the result per compared column, the columns that could not be compared (with
 * the reason), the share of compared columns that drifted and the verdict.
 *
 * @param columns per compared column, in the order asked
 * @param problems column to the reason it was not compared
 * @param settings the settings used
 */
public record DriftReport(List<ColumnDrift> columns, Map<String, String> problems, DriftSettings settings) {
    public DriftReport {
        columns = List.copyOf(columns);
        problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    /** The number of drifted columns. */
    public int drifted() {
        return (int) columns.stream().filter(ColumnDrift::drift).count();
    }

    /** Drifted columns over compared columns; 0 when none was compared. */
    public double driftShare() {
        return columns.isEmpty() ? 0 : (double) drifted() / columns.size();
    }

    /** Whether the data set drifted: at least {@link DriftSettings#driftShare()} of the compared columns did. */
    public boolean datasetDrift() {
        return !columns.isEmpty() && driftShare() >= settings.driftShare();
    }

    /** The result for {@code column}. */
    public java.util.Optional<ColumnDrift> column(String column) {
        return columns.stream().filter(c -> c.column().equals(column)).findFirst();
    }
}
