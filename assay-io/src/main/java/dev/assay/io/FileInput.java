package dev.assay.io;

import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file for reading, named pipes included. Opening a named pipe blocks until something
 * opens it for writing; when nothing does within a wait, the open gives up with a message instead of
 * hanging (the waiting open is released by opening the pipe for writing once and closing it).
 */
final class FileInput {
    /** How long opening a named pipe waits for a writer. */
    static final Duration PIPE_WAIT = Duration.ofSeconds(10);

    private FileInput() {
    }

    /** Opens {@code file}, waiting at most {@link #PIPE_WAIT} for a pipe's writer. */
    static InputStream open(Path file, String what) throws IOException {
        return open(file, what, PIPE_WAIT);
    }

    /**
     * Opens {@code file}; a file that is not regular (a named pipe, {@code /dev/stdin}) is opened on a
     * second thread so that a pipe nobody writes to can be given up after {@code pipeWait}.
     *
     * @throws InvalidInputException if nothing opened a named pipe for writing within {@code pipeWait}
     */
    static InputStream open(Path file, String what, Duration pipeWait) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        FutureTask<InputStream> opening = new FutureTask<>(() -> Files.newInputStream(file));
        DaemonThreads.start("assay-open-pipe", opening);
        try {
            return opening.get(pipeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            release(file, opening);
            String waited = pipeWait.toMillis() % 1000 == 0 ? pipeWait.toSeconds() + " s" : pipeWait.toMillis() + " ms";
            throw new InvalidInputException(what + " " + file + " is a named pipe, and nothing opened it for writing within "
                    + waited + ". Start the program that writes to it first (e.g. cat SOURCE > " + file
                    + " in another shell), or give a regular file.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(file, opening);
            throw new IOException("interrupted while opening " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lets the open still waiting on {@code file} finish, by writing nothing to it, and closes what it opened. */
    private static void release(Path file, FutureTask<InputStream> opening) throws IOException {
        FileChannel.open(file, StandardOpenOption.WRITE).close();
        try {
            opening.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the open failed after all; nothing to close
        }
    }
}
