package dev.assay.cli;

import dev.assay.core.anonymity.AnonymityAnalysis;
import dev.assay.core.anonymity.AnonymityReport;
import dev.assay.core.anonymity.AnonymitySettings;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay privacy}: k-anonymity, l-diversity and t-closeness of a data file over declared quasi-identifiers,
 * and the smallest combinations of them that break k ({@link AnonymityAnalysis}). Further privacy tests are its
 * subcommands.
 */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        subcommands = {MembershipInferenceCommand.class},
        description = {"Measures how identifiable the rows of --data are through --quasi-identifiers: k-anonymity (the smallest",
                "group of rows sharing their values), l-diversity and t-closeness of --sensitive within those groups, and",
                "the smallest combinations of quasi-identifiers that single out fewer than --k rows."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  measured", "  2  usage or input error"})
final class PrivacyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // not required by picocli, so that subcommands run without them; checked in call()
    @Option(names = "--data", paramLabel = "FILE", description = "The data (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--quasi-identifiers", paramLabel = "LIST", split = ",",
            description = "Columns an attacker could link with outside data, e.g. age,sex,zip.")
    List<String> quasiIdentifiers;

    @Option(names = "--sensitive", paramLabel = "COL", description = "The sensitive column, for l-diversity and t-closeness.")
    String sensitive;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "The k to reach (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--c", paramLabel = "C", defaultValue = "2", description = "c of recursive (c,l)-diversity (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--max-distinct", paramLabel = "N", defaultValue = "100",
            description = "Most distinct values of a numeric quasi-identifier before it must be binned; 0: no limit (default: ${DEFAULT-VALUE}).")
    int maxDistinct;

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        if (data == null || quasiIdentifiers == null) {
            throw new InvalidInputException("assay privacy needs --data FILE and --quasi-identifiers COL,... "
                    + "(e.g. assay privacy --data people.csv --quasi-identifiers age,sex,zip --sensitive diagnosis).");
        }
        AnonymitySettings settings = new AnonymitySettings(quasiIdentifiers, sensitive, k, c, maxDistinct);
        Frame frame = new DataReader().read(data, "data", Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
        AnonymityReport report = AnonymityAnalysis.analyse(frame, settings);
        PrivacyOutput output = new PrivacyOutput(data.toString(), report);
        spec.commandLine().getOut().println(json ? output.json() : output.text());
        return ExitCode.PASS;
    }
}
