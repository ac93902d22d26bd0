package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.pii.Pseudonymiser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay pseudonymise}: replaces identifying columns by keyed HMAC-SHA256 pseudonyms ({@link Pseudonymiser})
 * and writes the data as CSV. The key comes from a file or an environment variable and is never printed.
 */
@Command(name = "pseudonymise", aliases = "pseudonymize", mixinStandardHelpOptions = true,
        description = {"Replaces --columns of --data by keyed pseudonyms (HMAC-SHA256, 32 hex digits) and writes CSV to --out.",
                "The same key gives the same pseudonym for the same value in every file, so joins keep working.",
                "Other columns are written as Assay reads them (numbers in plain decimal form)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written", "  2  usage or input error (nothing written)"})
final class PseudonymiseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--columns", required = true, paramLabel = "LIST", split = ",", description = "The columns to pseudonymise.")
    List<String> columns;

    @Option(names = "--key-file", paramLabel = "FILE", description = "A file holding the secret key (at least 16 bytes; a final newline is ignored).")
    Path keyFile;

    @Option(names = "--key-env", paramLabel = "NAME", description = "An environment variable holding the secret key, instead of --key-file.")
    String keyEnv;

    @Option(names = "--email-shape", description = "Keep e-mail addresses e-mail shaped: <16 hex>@<10 hex>.invalid, one pseudonymous domain per domain.")
    boolean emailShape;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        Pseudonymiser pseudonymiser = new Pseudonymiser(key(), emailShape);
        if (out.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize())) {
            throw new InvalidInputException("--out " + out + " is the input file; write the pseudonymised data to another file.");
        }
        Frame frame = PiiData.read(data, columns);
        Frame result = pseudonymiser.pseudonymise(frame, columns);
        AtomicFiles.write(out, CsvText.of(result), "--out");
        String summary = json
                ? "{\n  \"data\" : " + CsvText.quoteJson(data.toString()) + ",\n  \"out\" : " + CsvText.quoteJson(out.toString())
                        + ",\n  \"rows\" : " + result.rowCount() + ",\n  \"columns\" : [ "
                        + String.join(", ", columns.stream().map(CsvText::quoteJson).toList()) + " ]\n}"
                : "Pseudonymised " + String.join(", ", columns) + " in " + result.rowCount() + " rows of " + data + " -> " + out;
        spec.commandLine().getOut().println(summary);
        return ExitCode.PASS;
    }

    private byte[] key() {
        if ((keyFile == null) == (keyEnv == null)) {
            throw new InvalidInputException("Give the secret key with exactly one of --key-file FILE or --key-env NAME.");
        }
        byte[] key;
        if (keyFile != null) {
            try {
                key = Files.readAllBytes(keyFile);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the key file " + keyFile + " (" + e.getClass().getSimpleName()
                        + "); check the path given to --key-file.");
            }
        } else {
            String v = System.getenv(keyEnv);
            if (v == null || v.isEmpty()) {
                throw new InvalidInputException("The environment variable " + keyEnv + " named by --key-env is not set or empty.");
            }
            key = v.getBytes(StandardCharsets.UTF_8);
        }
        int n = key.length;
        while (n > 0 && (key[n - 1] == '\n' || key[n - 1] == '\r')) {
            n--;
        }
        return Arrays.copyOf(key, n);
    }
}
