package dev.assay.cli;

import dev.assay.core.result.SuiteResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay run}: runs a suite file and writes the reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the checks of a YAML suite file and writes report.html, report.json, junit.xml and "
                + "summary.md to the output folder.", "See docs/suite-format.md for the file format."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every condition held (warnings allowed)", "  1  a condition failed",
                "  2  usage or input error, or a check could not run"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file (YAML).")
    Path suiteFile;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        SuiteResult result = SuiteExecution.run(suiteFile, reportOptions.outputDirectory(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
        SuiteExecution.printErrors(spec.commandLine().getErr(), suiteFile, result);
        return ExitCode.of(result.status());
    }
}
