package dev.assay.cli;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.Suggestions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's usage errors as one short message: a misspelt option is named (with the closest real
 * option) even when picocli would first complain about a required option it hid, and long values
 * echoed from the command line are shortened with {@link Excerpt}.
 */
final class UsageErrors {
    /** Quoted command-line values longer than this are shortened. */
    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (Excerpt.LIMIT + 1) + ",})'");

    private UsageErrors() {
    }

    /** The message for {@code ex}, without the "error: " prefix. */
    static String describe(CommandLine.ParameterException ex) {
        CommandLine.ParseResult parsed = ex.getCommandLine().getParseResult();
        List<String> unmatched = parsed == null ? List.of() : parsed.unmatched();
        String unknown = unmatched.stream().filter(a -> a.startsWith("-") && a.length() > 1 && !isNumber(a)).findFirst().orElse(null);
        boolean hidesUnknown = ex instanceof CommandLine.MissingParameterException || ex instanceof CommandLine.UnmatchedArgumentException;
        if (unknown != null && hidesUnknown) {
            return "Unknown option '" + Excerpt.of(unknown) + "'." + suggestion(ex.getCommandLine().getCommandSpec(), unknown);
        }
        return shorten(String.valueOf(ex.getMessage()));
    }

    private static String suggestion(CommandSpec spec, String unknown) {
        String name = unknown.contains("=") ? unknown.substring(0, unknown.indexOf('=')) : unknown;
        List<String> close = Suggestions.closest(name, spec.optionsMap().keySet().stream().filter(o -> o.startsWith("--")).toList(), 1);
        return close.isEmpty() ? "" : " Did you mean '" + close.get(0) + "'?";
    }

    private static String shorten(String message) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("'" + Excerpt.of(m.group(1)) + "'"));
        }
        return m.appendTail(sb).toString();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
