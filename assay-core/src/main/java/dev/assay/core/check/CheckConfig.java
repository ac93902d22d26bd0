package dev.assay.core.check;

import dev.assay.core.error.Choices;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A check's own settings, as a format-neutral view: a suite file's entry, or a map built in Java
 * ({@link #of(String, Map)}). Every getter is typed and validates; {@link #error} builds an
 * exception that points at the key, with the suite file and line when the settings came from one.
 * Keys the kind does not accept never reach it (the suite reader rejects them with the closest
 * accepted key).
 */
public interface CheckConfig {

    /** The keys present, in their written order. */
    Set<String> keys();

    /** Whether {@code key} is present with a non-null value. */
    boolean has(String key);

    /** The single value of {@code key}, or {@code fallback} when absent. */
    String string(String key, String fallback);

    /** The single value of {@code key}; an error naming the key when absent. */
    default String requireString(String key) {
        if (!has(key)) {
            throw error(key, "missing key '" + key + "'.");
        }
        return string(key, null);
    }

    /**
     * A file path or URL under {@code key}, or {@code fallback} when absent. A relative path read from a
     * suite file is resolved against the suite file's folder; settings given in Java return it as written.
     */
    default String location(String key, String fallback) {
        return string(key, fallback);
    }

    /** The number under {@code key}, or {@code fallback} when absent. */
    double number(String key, double fallback);

    /** The whole number under {@code key}, or {@code fallback} when absent. */
    default long integer(String key, long fallback) {
        double d = number(key, fallback);
        if (d != Math.rint(d) || Math.abs(d) > (1L << 53)) {
            throw error(key, "'" + key + "' must be a whole number, found " + string(key, null) + ".");
        }
        return (long) d;
    }

    /**
     * The whole number from 1 to {@link Integer#MAX_VALUE} under {@code key} (a row count, a sample size), or
     * {@code fallback} when absent.
     */
    default int positiveInt(String key, int fallback) {
        long v = integer(key, fallback);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw error(key, key + " must be a positive whole number, found " + v + ".");
        }
        return (int) v;
    }

    /** {@code true|false} (also yes/no, on/off) under {@code key}, or {@code fallback} when absent. */
    boolean bool(String key, boolean fallback);

    /** A single value or a list of single values, as strings; empty when absent. */
    List<String> strings(String key);

    /** A mapping of single values; empty when absent. */
    Map<String, String> stringMap(String key);

    /** The nested settings under {@code key}, when present. */
    Optional<? extends CheckConfig> section(String key);

    /** Whether {@code key} holds nested settings (a mapping) rather than a single value or a list. */
    boolean isSection(String key);

    /** One of {@code type}'s constants, written in lower case; {@code fallback} when absent. */
    default <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Choices.parse(type, value, "'" + key + "'");
        } catch (InvalidInputException e) {
            throw error(key, e.getMessage());
        }
    }

    /**
     * An exception about {@code key} for the check's author to throw: its message names where the
     * settings came from (file and line, or the check) and ends with {@code message}.
     */
    InvalidInputException error(String key, String message);

    /**
     * Settings given in Java: values are strings, numbers, booleans, lists of those, or nested maps.
     *
     * @param owner what the settings belong to, for messages (e.g. {@code "check 'Recall'"})
     */
    static CheckConfig of(String owner, Map<String, ?> values) {
        return new MapCheckConfig(owner, values);
    }
}
