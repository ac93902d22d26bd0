package dev.assay.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --format text|json} option of the commands that print results. */
final class OutputFormat {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    /**
     * Whether JSON was asked for.
     *
     * @throws dev.assay.core.error.InvalidInputException naming the option, the value and the two allowed
     */
    boolean json() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw Options.invalid("--format", format, List.of("text", "json"));
        };
    }
}
