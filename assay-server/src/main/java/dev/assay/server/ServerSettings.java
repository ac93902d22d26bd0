package dev.assay.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How {@code assay serve} runs: the address, the data folder (SQLite database and uploads), an optional
 * JDBC URL of PostgreSQL instead, the largest request body in bytes, the admin token to install on
 * first start (from {@code ASSAY_ADMIN_TOKEN}; may be null once an admin token is stored), how often closed
 * windows are checked for alerts, a webhook URL every alert notification goes to (null for none), and the
 * clock that decides when a window has closed.
 */
public record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken,
        Duration alertInterval, String alertWebhook, Clock clock) {
    /** The default body limit: 16 MiB, about 50,000 predictions of 20 features. */
    public static final long DEFAULT_MAX_BODY = 16L << 20;
    /** The default interval of the alert evaluation. */
    public static final Duration DEFAULT_ALERT_INTERVAL = Duration.ofSeconds(30);

    /** Settings with the default alert interval, no server-wide webhook and the system clock. */
    public ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken) {
        this(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, DEFAULT_ALERT_INTERVAL, null, Clock.systemUTC());
    }
}
