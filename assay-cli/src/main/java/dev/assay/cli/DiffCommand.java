package dev.assay.cli;

import dev.assay.report.diff.DiffWriter;
import dev.assay.report.diff.ReportDiff;
import dev.assay.report.diff.ReportSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay diff}: what changed between two runs of a suite, from their {@code report.json} files. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two report.json files of a suite: checks that started failing or passing, "
                + "measurements that moved beyond their confidence intervals, new and removed checks."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no regression", "  1  a check started failing (or a new check fails)", "  2  usage or input error"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier run's report.json, e.g. the main branch's.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later run's report.json.")
    Path after;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "md").contains(chosen)) {
            throw Options.invalid("--format", format, List.of("text", "json", "md"));
        }
        ReportDiff diff = ReportDiff.between(ReportSnapshot.read(before), ReportSnapshot.read(after));
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (chosen) {
            case "json" -> DiffWriter.json(diff);
            case "md" -> DiffWriter.markdown(diff);
            default -> DiffWriter.text(diff);
        });
        return diff.regression() ? ExitCode.FAIL : ExitCode.PASS;
    }
}
