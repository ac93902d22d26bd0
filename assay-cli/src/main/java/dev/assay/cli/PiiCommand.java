package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.pii.ColumnFindings;
import dev.assay.core.pii.PiiScan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay pii}: which columns of a data file hold personal data (e-mail addresses, phone numbers, card numbers,
 * IBANs, US social security numbers, IP addresses, dates of birth), with counts per entity and masked examples
 * ({@link PiiScan}).
 */
@Command(name = "pii", mixinStandardHelpOptions = true,
        description = {"Finds personal data in the columns of --data: EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN,",
                "IP_ADDRESS and DATE_TIME (in columns named like dates of birth), with Presidio's recognizers and score scale;",
                "the column name is the context that raises weak matches (a column 'ssn' of nine-digit numbers)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  scanned (personal data found or not)", "  2  usage or input error"})
final class PiiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--columns", paramLabel = "LIST", split = ",", description = "Columns to scan (default: every column).")
    List<String> columns;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.4",
            description = "Lowest score, after context, that counts as a finding (default: ${DEFAULT-VALUE}, a phone number without context).")
    double threshold;

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        PiiScan scan = new PiiScan(threshold);
        Frame frame = PiiData.read(data, columns == null ? List.of() : columns);
        List<String> scanned = columns == null ? frame.columnNames() : columns;
        List<ColumnFindings> findings = scan.scan(frame, scanned, TerminalProgress.forTerminal(spec.commandLine().getErr()));
        PiiOutput output = new PiiOutput(data.toString(), frame.rowCount(), threshold, findings);
        spec.commandLine().getOut().println(json ? output.json() : output.text());
        return ExitCode.PASS;
    }
}
