package dev.assay.io.suite;

import dev.assay.core.error.InvalidInputException;

/** A suite file that cannot be read: malformed YAML, an unknown key, a wrong type. Names file and line. */
public final class SuiteFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the suite file as the user gave it
     * @param line the 1-based line, or 0 when unknown
     * @param message what is wrong and how to fix it
     */
    public SuiteFileException(String file, int line, String message) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message);
    }

    public SuiteFileException(String file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message, cause);
    }
}
