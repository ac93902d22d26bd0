package dev.assay.io;

import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.result.Fingerprint;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A data file's bytes as a regular file that DuckDB can read, with their fingerprint. A regular file
 * is read where it is and hashed on a second thread while it is parsed; anything else (a named pipe,
 * {@code /dev/stdin}) can be read only once, so it is copied into a temporary file, hashed and its
 * lines counted on the way, and the copy is deleted on {@link #close()}.
 */
final class StagedFile implements AutoCloseable {
    private final Path path;
    private final boolean copied;
    private final FutureTask<String> fingerprint;
    private final long lines;

    private StagedFile(Path path, boolean copied, FutureTask<String> fingerprint, long lines) {
        this.path = path;
        this.copied = copied;
        this.fingerprint = fingerprint;
        this.lines = lines;
    }

    /**
     * Stages {@code file}: starts hashing a regular file, or copies anything else (hashing the copy).
     *
     * @param what how the file is named in messages, e.g. {@code "File"}
     * @param fingerprint whether to hash a regular file; without, its fingerprint is null
     */
    static StagedFile of(Path file, String what, boolean fingerprint) throws IOException {
        if (Files.isRegularFile(file)) {
            FutureTask<String> hashing = new FutureTask<>(() -> fingerprint ? Fingerprint.of(file) : null);
            if (fingerprint) {
                DaemonThreads.start("assay-fingerprint", hashing);
            } else {
                hashing.run();
            }
            return new StagedFile(file, false, hashing, -1);
        }
        Path copy = Files.createTempFile("assay-", ".data");
        try (InputStream in = FileInput.open(file, what); OutputStream out = Files.newOutputStream(copy)) {
            Copying copying = new Copying(in, out, copy);
            String hash = Fingerprint.of(copying);
            FutureTask<String> done = new FutureTask<>(() -> hash);
            done.run();
            return new StagedFile(copy, true, done, copying.lines());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** The regular file to read: the file itself, or its temporary copy. */
    Path path() {
        return path;
    }

    /** Whether the file was copied (it was not regular); the copy is gone after {@link #close()}. */
    boolean copied() {
        return copied;
    }

    /** The number of lines of a copied file (a last line without a line break counts); -1 if not copied. */
    long lines() {
        return lines;
    }

    /** Up to {@code max} bytes from the start of the file. */
    byte[] head(int max) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(max);
        }
    }

    /** The {@code sha256:} fingerprint of the bytes, waiting for the hashing thread if need be. */
    String fingerprint() throws IOException {
        try {
            return fingerprint.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing " + path, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops hashing if it still runs and deletes the copy, if one was made. */
    @Override
    public void close() throws IOException {
        fingerprint.cancel(true);
        if (copied) {
            Files.deleteIfExists(path);
        }
    }

    /** Writes every byte read from a stream into the copy, counting line breaks. */
    private static final class Copying extends FilterInputStream {
        private final OutputStream out;
        private final Path copy;
        private long lineBreaks;
        private int last = '\n';

        Copying(InputStream in, OutputStream out, Path copy) {
            super(in);
            this.out = out;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                write(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                write(b, off, n);
            }
            return n;
        }

        /** The lines copied: line breaks, plus one for a last line without a break. */
        long lines() {
            return lineBreaks + (last == '\n' ? 0 : 1);
        }

        private void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                lineBreaks += b[i] == '\n' ? 1 : 0;
            }
            last = b[off + len - 1];
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new IOException("copying it into the temporary file " + copy + " failed (" + e.getMessage()
                        + "); set java.io.tmpdir to a folder with enough space", e);
            }
        }
    }
}
