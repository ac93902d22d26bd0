package dev.assay.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded suite run of a model.
 *
 * @param id the run's number in the store, increasing in recording order
 * @param model the model's name
 * @param version the registered version it tested; null when it tested an unregistered model
 * @param suite the suite's name
 * @param status the overall status ({@code pass}, {@code warn}, {@code fail}, {@code error})
 * @param startedAt when the run started
 * @param recordedAt when it was recorded
 * @param datasets each data set's fingerprint (or location when unknown), by role
 * @param environment the Java version, operating system and Assay version
 * @param report where the run's report.json was written; null when unknown
 * @param metrics every defined measurement, by {@code check / measurement id}
 */
public record RecordedRun(long id, String model, Integer version, String suite, String status, Instant startedAt,
        Instant recordedAt, Map<String, String> datasets, Map<String, String> environment, String report,
        Map<String, Double> metrics) {

    public RecordedRun {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The key of a measurement in {@link #metrics()}: {@code check / id}. */
    public static String key(String check, String measurementId) {
        return check + " / " + measurementId;
    }
}
