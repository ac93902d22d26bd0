package dev.assay.server;

import dev.assay.core.monitor.Cbpe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CBPE fitted once per model's reference and kept until its reference or configuration changes, shared by the
 * summary, the dashboard and the metrics so that all three show the same estimates.
 */
final class Calibrations {
    private final Map<String, Cbpe> fitted = new ConcurrentHashMap<>();

    /** The model's CBPE, null when its reference has no labelled calibration (or there is no reference). */
    Cbpe of(String model, ReferenceForm reference) {
        if (reference == null || reference.calibration() == null) {
            return null;
        }
        return fitted.computeIfAbsent(model, m -> reference.calibration().fit());
    }

    /** Forgets the model's fit: its reference or configuration changed. */
    void forget(String model) {
        fitted.remove(model);
    }
}
