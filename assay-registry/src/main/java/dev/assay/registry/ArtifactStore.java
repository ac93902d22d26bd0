package dev.assay.registry;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Model files addressed by content: {@code <folder>/sha256/<first two hex digits>/<hex>}. A file is
 * copied to a temporary file in the same folder while its SHA-256 is computed, forced to disk
 * ({@code fsync}), then renamed atomically into place, so a crash leaves either nothing or the whole
 * file, never half a version. Storing the same content twice keeps the first copy.
 */
public final class ArtifactStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /** A store in {@code root}, created when first written to. */
    public ArtifactStore(Path root) {
        this.root = root;
    }

    /**
     * Stores the bytes of {@code file} and returns their hex SHA-256.
     *
     * @throws InvalidInputException when the file cannot be read or the store cannot be written
     */
    public String put(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Model file " + file + (Files.exists(file) ? " is not a regular file." : " does not exist.")
                    + " Give the path of the model file.");
        }
        Path temp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                    FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                out.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = path(hex);
            if (Files.exists(target)) {
                Files.delete(temp);
                return hex;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
            } catch (AtomicMoveNotSupportedException e) {
                throw new InvalidInputException("The artifact store " + root + " cannot rename files atomically. Put the "
                        + "registry on a local file system.", e);
            }
            syncDirectory(target.getParent());
            return hex;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InvalidInputException("Cannot store model file " + file + " in " + root + ": " + e.getMessage()
                    + ". Check that the file is readable and the registry folder writable.", e);
        }
    }

    /**
     * The stored file with SHA-256 {@code hex}.
     *
     * @throws InvalidInputException when it is missing or its content no longer has that hash
     */
    public Path get(String hex) {
        Path p = path(hex);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("The artifact " + hex + " is missing from " + root + ". Restore the folder from a "
                    + "backup or register the model file again.");
        }
        return p;
    }

    /** Where the content with SHA-256 {@code hex} is stored. */
    public Path path(String hex) {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + hex);
        }
        return root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for fsync; the rename is still atomic there.
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the temporary file stays in tmp/; it never becomes a version
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
