package dev.assay.core.monitor;

import dev.assay.core.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Tumbling windows of a fixed size aligned to the UTC epoch: the window of instant {@code t} starts at
 * {@code floor(t / size) * size}, so {@code PT1H} windows start on the hour and {@code P1D} windows at
 * midnight UTC. A window includes its start and excludes its end.
 *
 * @param size the window length, a whole number of seconds from one second to 366 days
 */
public record WindowSpec(Duration size) {

    public WindowSpec {
        if (size == null || size.isNegative() || size.isZero() || size.getNano() != 0 || size.compareTo(Duration.ofDays(366)) > 0) {
            throw new InvalidInputException("The window size " + size + " is not allowed; give a whole number of seconds between "
                    + "PT1S and P366D, e.g. PT1H or P1D.");
        }
    }

    /** The spec for an ISO-8601 duration such as {@code PT15M}, {@code PT1H} or {@code P1D}. */
    public static WindowSpec parse(String text) {
        try {
            return new WindowSpec(Duration.parse(text == null ? "" : text.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("The window size '" + text + "' is not an ISO-8601 duration; write e.g. PT15M, PT1H or P1D.");
        }
    }

    /** The start of the window holding {@code t}. */
    public Instant start(Instant t) {
        long s = size.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
    }

    /** The (exclusive) end of the window starting at {@code start}. */
    public Instant end(Instant start) {
        return start.plus(size);
    }

    /** Whether the window starting at {@code start} has closed at {@code now}. */
    public boolean closed(Instant start, Instant now) {
        return !now.isBefore(end(start));
    }
}
