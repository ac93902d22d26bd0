package dev.assay.cli;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files the commands write whole or not at all: a temporary file beside the target, then moved into place. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Prints {@code text} (ending in a line break) to {@code out} when {@code file} is null, else {@link #write}s it there. */
    static void printOrWrite(PrintWriter out, Path file, String text, String option) {
        if (file == null) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        } else {
            write(file, text, option);
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file moved into place. */
    static void write(Path file, String text, String option) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
                    + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write " + file + " (" + e.getMessage() + "); choose a writable path for "
                    + option + ".");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file was moved or never written; nothing else to clean
                }
            }
        }
    }
}
