package dev.assay.io;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks that a path names a file that can be read, and explains a failure to open or read one: the
 * path as given, the absolute path and working directory where they help, and what to do.
 */
final class FileChecks {
    /** Paths longer than this (Linux's PATH_MAX) cannot name a file, and are shortened in messages. */
    private static final int MAX_PATH = 4096;

    private FileChecks() {
    }

    /**
     * Refuses a path that does not exist, or that cannot be read for lack of permission.
     *
     * @param what how the file is named in messages, e.g. {@code "File"} or {@code "Suite file"}
     */
    static void requireReadable(Path file, String what) {
        if (!Files.exists(file)) {
            throw notFound(file, what);
        }
        if (!Files.isReadable(file)) {
            throw permissionDenied(file, what);
        }
    }

    /** The message for a failure to open or read {@code file}. */
    static InvalidInputException cannotRead(Path file, String what, IOException e) {
        if (e instanceof AccessDeniedException) {
            return permissionDenied(file, what);
        }
        if (e instanceof NoSuchFileException) {
            return notFound(file, what);
        }
        return new InvalidInputException(what + " " + shown(file) + " could not be read: " + Excerpt.of(String.valueOf(e.getMessage()))
                + ". Check that the file is complete and its disk is readable.", e);
    }

    /** The message for a path that names a directory. */
    static InvalidInputException directory(Path file, String what, String contents) {
        return new InvalidInputException(what + " " + file + " is a directory, not a file (absolute path " + absolute(file) + ")."
                + contents + " Give the path of the file itself.");
    }

    private static InvalidInputException notFound(Path file, String what) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        String where = parent != null && !Files.isDirectory(parent) ? " The directory " + shown(parent) + " does not exist either."
                : "";
        return new InvalidInputException(what + " not found: " + shown(file) + " (absolute path " + absolute(file) + ", working directory "
                + Path.of("").toAbsolutePath() + ")." + where + " Check the path; a relative path is resolved against the working"
                + " directory.");
    }

    private static InvalidInputException permissionDenied(Path file, String what) {
        return new InvalidInputException(what + " " + file + " cannot be read: permission denied (absolute path " + absolute(file)
                + "). Give your user read permission (e.g. chmod a+r " + file + "), or run as a user who may read it.");
    }

    private static String absolute(Path file) {
        return shown(file.toAbsolutePath().normalize());
    }

    /** The path for a message; shortened when it is longer than any path a file system accepts. */
    private static String shown(Path file) {
        String s = file.toString();
        return s.length() > MAX_PATH ? Excerpt.of(s) : s;
    }
}
