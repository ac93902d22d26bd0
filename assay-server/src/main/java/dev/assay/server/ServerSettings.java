package dev.assay.server;

import java.nio.file.Path;

/**
 * How {@code assay serve} runs: the address, the data folder (SQLite database and uploads), an optional
 * JDBC URL of PostgreSQL instead, the largest request body in bytes, and the admin token to install on
 * first start (from {@code ASSAY_ADMIN_TOKEN}; may be null once an admin token is stored), and where the model registry is
 * (a folder holding {@code registry.db}, or a JDBC URL; both null when there is none).
 */
public record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken, Path registryDir,
        String registryUrl) {
    /** The default body limit: 16 MiB, about 50,000 predictions of 20 features. */
    public static final long DEFAULT_MAX_BODY = 16L << 20;

    /** Settings without a model registry. */
    public ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken) {
        this(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, null, null);
    }
}
