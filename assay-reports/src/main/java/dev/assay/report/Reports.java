package dev.assay.report;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes every report of a suite result into one directory. */
public final class Reports {

    private Reports() {
    }

    /** The four writers: {@code report.json}, {@code junit.xml}, {@code summary.md}, {@code report.html}. */
    public static List<ReportWriter> standardWriters() {
        return List.of(new JsonReportWriter(), new JunitXmlReportWriter(), new MarkdownReportWriter(), new HtmlReportWriter());
    }

    /** Writes the {@linkplain #standardWriters() four standard reports}; see {@link #writeAll(SuiteResult, Path, List)}. */
    public static List<Path> writeAll(SuiteResult result, Path directory) {
        return writeAll(result, directory, standardWriters());
    }

    /**
     * Writes one file per writer into {@code directory}, creating it if needed. Every report is
     * first rendered in memory and written to a temporary file beside its target, then moved into
     * place, so a failure leaves no half-written report behind; an existing report of the same name
     * is replaced.
     *
     * @return the paths written, in the writers' order
     * @throws InvalidInputException if the directory cannot be created or written, naming the path and the fix
     */
    public static List<Path> writeAll(SuiteResult result, Path directory, List<ReportWriter> writers) {
        Path dir = directory.toAbsolutePath().normalize();
        List<byte[]> contents = new ArrayList<>(writers.size());
        for (ReportWriter w : writers) {
            contents.add(w.render(result).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("Cannot write reports to " + dir + ": " + e.getFile()
                    + " exists and is not a directory. Choose another report directory or move that file away.", e);
        } catch (IOException e) {
            Path file = regularFileAncestor(dir);
            if (file != null) {
                throw new InvalidInputException("Cannot create the report directory " + dir + ": " + file
                        + " is a regular file, not a directory. Choose a report directory outside it, or move that file away.", e);
            }
            throw new InvalidInputException("Cannot create the report directory " + dir + ": " + describe(e)
                    + ". Choose a directory you can write to, or create it and grant write permission.", e);
        }
        List<Path> temporary = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < writers.size(); i++) {
                Path tmp = dir.resolve("." + writers.get(i).fileName() + "." + UUID.randomUUID() + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    temporary.add(tmp);
                    out.write(contents.get(i));
                }
            }
            for (int i = 0; i < writers.size(); i++) {
                Path target = dir.resolve(writers.get(i).fileName());
                move(temporary.get(i), target);
                written.add(target);
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write reports to " + dir + ": " + describe(e)
                    + ". Check that the directory is writable and the disk is not full, or choose another report directory.", e);
        } finally {
            for (Path tmp : temporary) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is gone or unreachable; the original error, if any, says more
                }
            }
        }
    }

    /**
     * Checks, without creating anything, that reports could be written to {@code directory}: its
     * nearest existing ancestor must be a writable directory. Lets a command fail before doing work
     * whose result it could not store.
     *
     * @throws InvalidInputException naming the path and the fix
     */
    public static void checkWritable(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException("Cannot write reports to " + dir + ": " + existing
                    + " is a regular file, not a directory. Choose a report directory outside it, or move that file away.");
        }
        if (!Files.isWritable(existing)) {
            throw new InvalidInputException("Cannot write reports to " + dir + ": " + existing
                    + " is not writable. Choose a directory you can write to, or grant write permission.");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The nearest ancestor of {@code dir} that exists as a regular file, or null. */
    private static Path regularFileAncestor(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The operating system's reason, e.g. {@code "/out/report.json: Permission denied"}. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason() != null ? fse.getReason()
                    : fse instanceof AccessDeniedException ? "permission denied" : fse.getClass().getSimpleName();
            return (fse.getFile() == null ? "" : fse.getFile() + ": ") + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
