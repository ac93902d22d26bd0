package dev.assay.core.result;

import java.time.Instant;
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
 */
public record Provenance(String assayVersion, Instant startedAt, List<DatasetInfo> datasets,
        Map<String, String> settings, Map<String, String> model, Map<String, String> environment) {

    public Provenance {
        datasets = List.copyOf(datasets);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        model = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model));
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
