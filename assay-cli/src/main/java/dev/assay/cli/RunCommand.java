package dev.assay.cli;

import dev.assay.cli.registry.RegistryCommand;
import dev.assay.cli.registry.RunRecording;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.SuiteResult;
import dev.assay.report.diff.DiffWriter;
import dev.assay.report.diff.ReportDiff;
import dev.assay.report.diff.ReportSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay run}: runs a suite file and writes the reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the checks of a YAML suite file and writes report.html, report.json, junit.xml and "
                + "summary.md to the output folder.", "See docs/suite-format.md for the file format."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every condition held (warnings allowed)", "  1  a condition failed",
                "  1  with --baseline: a check started failing against the baseline",
                "  2  usage or input error, or a check could not run"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file (YAML).")
    Path suiteFile;

    @Mixin
    ReportOptions reportOptions;

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "An earlier run's report.json (e.g. the main branch's): prints what changed, as `assay diff` "
                    + "does, and exits 1 when a check started failing, even if every condition held.")
    Path baseline;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the checks run: local (default, this process) or spark (needs the assay-spark jar and Spark "
                    + "on the class path; see docs/spark.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[*], spark://host:7077, yarn (default: Spark's "
                    + "configuration, else local[*]).")
    String master;

    @Option(names = "--record", description = "Record the result in the registry's run history (see 'assay history'); the "
            + "HTML report then shows each metric's trend over the model's versions.")
    boolean record;

    @Option(names = "--registry", paramLabel = "DIR", description = "The registry folder for --record (default: $ASSAY_REGISTRY, "
            + "else .assay/registry).")
    Path registry;

    @Option(names = "--registry-db", paramLabel = "JDBC-URL", description = "With --record: the registry's database, when it "
            + "keeps its records in one (as 'assay registry --db').")
    String registryDb;

    @Option(names = "--model-version", paramLabel = "NAME@VERSION", description = "The registered version the suite tests (default: "
            + "the version whose content is the suite's model file).")
    String modelVersion;

    @Override
    public Integer call() {
        ReportSnapshot before = baseline == null ? null : ReportSnapshot.read(baseline);
        PrintWriter out = spec.commandLine().getOut();
        if (!record && (registry != null || registryDb != null || modelVersion != null)) {
            throw new InvalidInputException("--registry, --registry-db and --model-version only apply with --record.");
        }
        RunRecording recording = record ? RunRecording.prepare(RegistryCommand.open(registry != null ? registry
                : RegistryCommand.defaultFolder(), registryDb), modelVersion, suiteFile) : null;
        Path report = reportOptions.outputDirectory().resolve("report.json");
        SuiteResult result = SuiteExecution.run(suiteFile, reportOptions.outputDirectory(), out,
                spec.commandLine().getErr(), Engines.find(engine, master), master == null ? Map.of() : Map.of("master", master),
                recording == null ? UnaryOperator.identity() : r -> recording.record(r, report));
        if (recording != null) {
            recording.link(report, result.status().id());
            out.println("Recorded as a run of " + recording.version().reference() + ".");
        }
        SuiteExecution.printErrors(spec.commandLine().getErr(), suiteFile, result);
        int code = ExitCode.of(result.status());
        if (before != null) {
            ReportDiff diff = ReportDiff.between(before,
                    ReportSnapshot.read(reportOptions.outputDirectory().resolve("report.json")));
            out.println();
            out.println("Compared with the baseline " + baseline + ":");
            out.print(DiffWriter.text(diff));
            if (diff.regression() && code == ExitCode.PASS) {
                code = ExitCode.FAIL;
            }
        }
        return code;
    }
}
