package dev.assay.server;

import java.nio.file.Path;

/**
 * How {@code assay serve} runs: the address, the data folder (SQLite database and uploads), an optional
 * JDBC URL of PostgreSQL instead, the largest request body in bytes, and the admin token to install on
 * first start (from {@code ASSAY_ADMIN_TOKEN}; may be null once an admin token is stored).
 */
public record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken) {
    /** The default body limit: 16 MiB, about 50,000 predictions of 20 features. */
    public static final long DEFAULT_MAX_BODY = 16L << 20;
}
