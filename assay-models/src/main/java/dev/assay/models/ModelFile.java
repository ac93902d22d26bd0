package dev.assay.models;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file an adapter needs (a model, a feature mapping, certificates) with errors that say
 * what is wrong with the file itself: missing, a directory, not readable, empty.
 */
public final class ModelFile {
    private ModelFile() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what what the file is, for messages, e.g. {@code "ONNX model file"}
     * @throws InvalidInputException naming the file when it is missing, a directory, not readable
     *     or empty
     */
    public static byte[] read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(capitalized(what) + " " + file + " is a directory. Give the path of the file itself.");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(capitalized(what) + " " + file + " does not exist. Check the path.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, what, e);
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(capitalized(what) + " " + file + " is empty (0 bytes). It was not written completely; "
                    + "write or copy it again.");
        }
        return bytes;
    }

    /** The failure to read {@code file} as a message for people: permission denied is told apart from other errors. */
    static InvalidInputException unreadable(Path file, String what, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new InvalidInputException(capitalized(what) + " " + file + " is not readable (permission denied). Check its "
                    + "permissions (e.g. chmod a+r) or run as a user who may read it.", e);
        }
        return new InvalidInputException("Cannot read " + what + " " + file + ": " + e.getMessage() + ".", e);
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
