package dev.assay.core.result;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a suite result came from, so that a report can be traced and reproduced.
 *
 * @param assayVersion the Assay version that produced it
 * @param startedAt when the run started
 * @param datasets the data sets read
 * @param settings the run settings that affect the numbers (task, positive class, threshold, seed)
 * @param model the model under test: {@code name}, {@code kind}, {@code task} and the adapter's
 *     metadata (file hash, producer, inputs and outputs, training provenance); empty when the data
 *     holds stored predictions
 * @param environment the Java version and operating system
 * @param checks each check's own settings (metrics, slice, seed, ...), by check name, in suite order
 */
public record Provenance(String assayVersion, Instant startedAt, List<DatasetInfo> datasets,
        Map<String, String> settings, Map<String, String> model, Map<String, String> environment,
        Map<String, Map<String, String>> checks) {

    public Provenance {
        datasets = List.copyOf(datasets);
        settings = ordered(settings);
        model = ordered(model);
        environment = ordered(environment);
        Map<String, Map<String, String>> perCheck = new LinkedHashMap<>();
        checks.forEach((name, s) -> perCheck.put(name, ordered(s)));
        checks = Collections.unmodifiableMap(perCheck);
    }

    /** Provenance with no per-check settings yet; the runner adds them. */
    public Provenance(String assayVersion, Instant startedAt, List<DatasetInfo> datasets, Map<String, String> settings,
            Map<String, String> model, Map<String, String> environment) {
        this(assayVersion, startedAt, datasets, settings, model, environment, Map.of());
    }

    /** The same provenance with {@code perCheck} as the per-check settings. */
    public Provenance withChecks(Map<String, Map<String, String>> perCheck) {
        return new Provenance(assayVersion, startedAt, datasets, settings, model, environment, perCheck);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
