package dev.assay.core.error;

import java.util.Objects;

/**
 * Bad input from a user: a missing file, an unknown column, a value of the wrong type, a label
 * with a single class. The message is written for a person: it names the source, the column and
 * the row where they are known, what was found, what was expected and what to do.
 *
 * <p>The command line maps this exception to exit code 2; a check that meets it reports
 * {@code ERROR} with the message and lets the rest of the suite run.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete, human-readable message. */
    public InvalidInputException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    /** Creates the exception with a complete message and the low-level cause. */
    public InvalidInputException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
