package dev.assay.cli;

import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code assay demo}: runs the bundled release-gate suite on German credit (a random-forest
 * credit-risk model in ONNX Runtime, on 300 held-out applicants) and writes the reports.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a bundled release-gate suite on real data and writes the reports.",
                "The data is Statlog German Credit with a credit-risk model; prints where report.html is. Opens nothing."})
final class DemoCommand implements Callable<Integer> {
    private static final List<String> FILES = List.of("german-credit/suite.yaml", "german-credit/train.csv",
            "german-credit/test.csv", "models/german_credit_forest.onnx");

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (TemporaryFolder folder = new TemporaryFolder("assay-demo-")) {
            Path work = folder.path();
            BundledExamples.unpack(work, FILES);
            out.println("Demo: German credit release gate (examples/german-credit: a random-forest model in ONNX Runtime,");
            out.println("300 held-out applicants, compared with its 700 training rows).");
            out.println();
            Path suite = work.resolve("german-credit/suite.yaml");
            SuiteResult result = SuiteExecution.run(suite, reportOptions.outputDirectory(), out, spec.commandLine().getErr());
            SuiteExecution.printErrors(spec.commandLine().getErr(), suite, result);
            out.println();
            out.println("Open " + reportOptions.outputDirectory().resolve("report.html").toAbsolutePath().normalize()
                    + " in a browser to read the report.");
            return ExitCode.of(result.status());
        }
    }
}
