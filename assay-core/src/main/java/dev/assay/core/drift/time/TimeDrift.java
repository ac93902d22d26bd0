package dev.assay.core.drift.time;

import java.util.List;

/**
 * Drift and performance per time window.
 *
 * @param windows the windows in time order
 * @param firstDriftWindow the index in {@code windows} of the first window of the final run of
 *     drifted windows when it is long enough, else -1
 */
public record TimeDrift(List<WindowResult> windows, int firstDriftWindow) {
    public TimeDrift {
        windows = List.copyOf(windows);
    }

    /** The number of measured windows that drifted. */
    public int driftedWindows() {
        return (int) windows.stream().filter(WindowResult::drifted).count();
    }

    /** The number of measured windows. */
    public int measuredWindows() {
        return (int) windows.stream().filter(WindowResult::measured).count();
    }
}
