package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ModelSource;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Fingerprint;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.RecordedRun;
import dev.assay.registry.RunHistory;
import dev.assay.registry.VersionRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code assay run --record} does around the run: before it, finds the model version the run
 * tests (given, or the registered version whose content is the suite's model file); after it,
 * records the result with its data fingerprints and environment, adds the history section (a trend
 * chart per metric) to the reports, and links the written report.json to the version.
 */
public final class RunRecording {
    private final ModelRegistry registry;
    private final ModelVersion version;

    private RunRecording(ModelRegistry registry, ModelVersion version) {
        this.registry = registry;
        this.version = version;
    }

    /**
     * Finds the version in {@code registry}: {@code reference} when given, else the version holding the
     * suite's model file.
     *
     * @throws InvalidInputException when the reference does not resolve or the suite's model is not
     *     registered, saying to register it or give {@code --model-version}
     */
    public static RunRecording prepare(ModelRegistry registry, String reference, Path suiteFile) {
        if (reference != null) {
            return new RunRecording(registry, registry.resolve(VersionRef.parse(reference)));
        }
        ModelSource model = SuitePlan.fromFile(suiteFile).model();
        if (model == null || !Files.isRegularFile(Path.of(model.location()))) {
            throw new InvalidInputException("--record needs --model-version NAME@VERSION: suite " + suiteFile + " has no model file "
                    + "to look up in the registry.");
        }
        String sha = sha256(Path.of(model.location()));
        for (String name : registry.models()) {
            Optional<ModelVersion> found = registry.versions(name).stream().filter(v -> v.sha256().equals(sha)).findFirst();
            if (found.isPresent()) {
                return new RunRecording(registry, found.get());
            }
        }
        throw new InvalidInputException("The model of suite " + suiteFile + " (" + model.location() + ") is not registered in "
                + "the registry. Register it with 'assay registry register NAME " + model.location() + "', or give --model-version.");
    }

    /** The version the run tests. */
    public ModelVersion version() {
        return version;
    }

    /** Records {@code result} and returns it with the history section appended; {@code report} is where report.json goes. */
    public SuiteResult record(SuiteResult result, Path report) {
        RecordedRun run = registry.runs().record(RunHistory.of(result, version.name(), version.version(),
                report.toAbsolutePath().toString(), registry.clock().instant()));
        List<CheckResult> checks = new ArrayList<>(result.checks());
        checks.add(RunHistory.section(registry.runs().runs(version.name()), run));
        return new SuiteResult(result.suite(), result.description(), checks, result.provenance(), result.duration());
    }

    /** Links the written report to the version. */
    public void link(Path report, String status) {
        registry.linkReport(version, report.toAbsolutePath().toString(), sha256(report), status);
    }

    private static String sha256(Path file) {
        try {
            return Fingerprint.of(file).substring(Fingerprint.PREFIX.length());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
