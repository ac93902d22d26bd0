package dev.assay.server;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A model's window summaries ({@link WindowSummary}) computed from the stored aggregates, its reference and its
 * CBPE fit, for the summary JSON, the dashboard and the metrics alike.
 */
final class WindowSummaries {
    private final MonitoringStore store;
    private final Calibrations calibrations;

    WindowSummaries(MonitoringStore store, Calibrations calibrations) {
        this.store = store;
        this.calibrations = calibrations;
    }

    /** Every window of the model, by version then start. */
    List<Map<String, Object>> all(String model) throws SQLException {
        ReferenceForm reference = store.referenceForm(model).orElse(null);
        return WindowSummary.of(store.windows(model), reference, calibrations.of(model, reference));
    }

    /** The latest window of each version of the model, by version. */
    List<Map<String, Object>> latest(String model) throws SQLException {
        ReferenceForm reference = store.referenceForm(model).orElse(null);
        return WindowSummary.of(store.latestWindows(model), reference, calibrations.of(model, reference));
    }
}
