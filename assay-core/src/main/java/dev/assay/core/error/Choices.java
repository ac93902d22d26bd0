package dev.assay.core.error;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads a value that must be one of an enum's constants, written in lower case by users. */
public final class Choices {
    private Choices() {
    }

    /**
     * The constant of {@code type} named {@code value}, ignoring case.
     *
     * @param what what the value is for, as the user wrote it (e.g. {@code --task} or
     *     {@code 'evaluation.task'}), for the message
     * @throws InvalidInputException naming the value, {@code what} and the allowed values
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown value '" + Excerpt.of(value) + "' for " + what + ". Use one of " + names(type) + ".");
        }
    }

    /** The lower-case names of {@code type}'s constants, in declaration order. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
