package dev.assay.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that write reports. */
final class ReportOptions {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "assay-report",
            description = "Folder for the reports (default: ${DEFAULT-VALUE}); created if needed.")
    Path out;

    Path outputDirectory() {
        return out;
    }
}
