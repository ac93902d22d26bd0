package dev.assay.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real named pipes for tests: made with mkfifo, written by a daemon thread. */
final class Fifos {
    private Fifos() {
    }

    /** A new named pipe {@code name} in {@code dir}. */
    static Path make(Path dir, String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (p.waitFor() != 0 || !Files.exists(fifo)) {
            throw new IllegalStateException("mkfifo " + fifo + " failed");
        }
        return fifo;
    }

    /** Starts a thread that opens {@code fifo} for writing (blocking until a reader opens it), writes {@code bytes} and closes it. */
    static Thread write(Path fifo, byte[] bytes) {
        Thread t = new Thread(() -> {
            try {
                Files.write(fifo, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "fifo-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
