package dev.assay.core.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations of load runs as written on the command line and in suites: a number with ms, s, m or h, at most 24 h. */
public final class LoadDurations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    /** What a duration looks like, for messages. */
    public static final String FORMAT = "a number with ms, s, m or h, e.g. 500ms, 30s, 2m (at most 24h)";

    private LoadDurations() {
    }

    /**
     * Parses {@code text}, e.g. {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}.
     *
     * @throws IllegalArgumentException when it is not such a duration or exceeds {@link LoadPlan#MAX_DURATION}
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "'; give " + FORMAT);
        }
        double value = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1e3;
            case "m" -> value * 60e3;
            default -> value * 3600e3;
        };
        if (millis > LoadPlan.MAX_DURATION.toMillis()) {
            throw new IllegalArgumentException("the duration " + text + " exceeds 24h");
        }
        return Duration.ofNanos(Math.round(millis * 1e6));
    }
}
