package dev.assay.core.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Assay that produced a result, as the build recorded it. */
public final class AssayVersion {
    private static final String VERSION = read();

    private AssayVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AssayVersion.class.getResourceAsStream("/dev/assay/core/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from assay-core; rebuild it with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
