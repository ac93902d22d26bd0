package dev.assay.core.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content fingerprints in the one form every report uses: {@code sha256:} followed by the
 * lower-case hex SHA-256 of the bytes. Data sets, model files and suites are identified this way.
 */
public final class Fingerprint {
    /** The prefix naming the hash function. */
    public static final String PREFIX = "sha256:";

    private Fingerprint() {
    }

    /** The fingerprint of {@code bytes}. */
    public static String of(byte[] bytes) {
        return PREFIX + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The fingerprint of the bytes of {@code file}, read in 64 KB blocks. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The fingerprint of every byte left in {@code in}; does not close it. */
    public static String of(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
