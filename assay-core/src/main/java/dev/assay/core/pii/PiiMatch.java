package dev.assay.core.pii;

/**
 * One entity found in a text: its kind, the span {@code [start, end)} and the confidence on Presidio's
 * scale (the pattern's score; 1.0 once a checksum validates it; raised by context words).
 *
 * @param entity what was found
 * @param start the first character
 * @param end one past the last character
 * @param score the confidence in (0, 1]
 */
public record PiiMatch(PiiEntity entity, int start, int end, double score) {

    /** Whether this match lies within {@code other}'s span. */
    boolean within(PiiMatch other) {
        return start >= other.start && end <= other.end;
    }

    /** The same match with another score. */
    PiiMatch withScore(double s) {
        return new PiiMatch(entity, start, end, s);
    }
}
