package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ModelSource;
import dev.assay.core.result.Fingerprint;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.PromotionGate;
import dev.assay.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A promotion gate that runs a suite file with the candidate version in place of the suite's model,
 * writes the reports to {@code <output>/<name>/<version>/<time>/}, links the report.json to the
 * version, and passes when the suite passes (warnings allowed).
 */
final class SuiteGate implements PromotionGate {
    private final Path suiteFile;
    private final SuitePlan plan;
    private final ModelRegistry registry;
    private final Path output;

    /**
     * Parses {@code suiteFile} now, so that a bad suite is reported before anything runs.
     *
     * @throws InvalidInputException when the suite names no model to replace
     */
    SuiteGate(Path suiteFile, ModelRegistry registry, Path output) {
        this.suiteFile = suiteFile;
        this.plan = SuitePlan.fromFile(suiteFile);
        if (plan.model() == null) {
            throw new InvalidInputException("Gate suite " + suiteFile + " has no 'model': it tests stored predictions, so it "
                    + "cannot test a registered version. Add a model: entry (any model; the gate runs the candidate in its place).");
        }
        this.registry = registry;
        this.output = output;
    }

    @Override
    public Verdict check(ModelVersion version, ModelSource source) {
        ModelSource candidate = new ModelSource(source.location(), source.type(), source.options(), plan.model().classes());
        SuitePlan onCandidate = new SuitePlan(plan.origin(), plan.suite(), plan.current(), plan.reference(), plan.columns(),
                candidate, plan.settings(), plan.rules());
        Path reports = output.resolve(version.name()).resolve(Integer.toString(version.version()))
                .resolve(Long.toString(registry.clock().millis()));
        Reports.checkWritable(reports);
        SuiteResult result = onCandidate.run();
        List<Path> written = Reports.writeAll(result, reports);
        Path json = written.stream().filter(p -> p.getFileName().toString().equals("report.json")).findFirst().orElseThrow();
        registry.linkReport(version, json.toAbsolutePath().toString(), sha256(json), result.status().id());
        String summary = "suite " + suiteFile + " on " + version.reference() + ": " + result.status().id() + " (" + json + ")";
        return result.status() == Status.PASS || result.status() == Status.WARN ? Verdict.pass(summary) : Verdict.fail(summary);
    }

    private static String sha256(Path file) {
        try {
            return Fingerprint.of(file).substring(Fingerprint.PREFIX.length());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the report just written, " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
