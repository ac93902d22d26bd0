package dev.assay.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How {@code assay serve} runs: the address, the data folder (SQLite database and uploads), an optional
 * JDBC URL of PostgreSQL instead, the largest request body in bytes, the admin token to install on
 * first start (from {@code ASSAY_ADMIN_TOKEN}; may be null once an admin token is stored), where the model
 * registry is (a folder holding {@code registry.db}, or a JDBC URL; both null when there is none), how
 * often closed windows are checked for alerts, a webhook URL every alert notification goes to (null for
 * none), and the clock that decides when a window has closed.
 */
public record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken,
        Path registryDir, String registryUrl, Duration alertInterval, String alertWebhook, Clock clock) {
    /** The default body limit: 16 MiB, about 50,000 predictions of 20 features. */
    public static final long DEFAULT_MAX_BODY = 16L << 20;
    /** The default interval of the alert evaluation. */
    public static final Duration DEFAULT_ALERT_INTERVAL = Duration.ofSeconds(30);

    /** Settings with no registry, the default alert interval, no server-wide webhook and the system clock. */
    public ServerSettings(String host, int port, Path dataDir, String jdbcUrl, long maxBodyBytes, String adminToken) {
        this(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, null, null, DEFAULT_ALERT_INTERVAL, null, Clock.systemUTC());
    }

    /** These settings with the registry in the folder {@code dir} or at the JDBC URL {@code url} (one of them may be null). */
    public ServerSettings withRegistry(Path dir, String url) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, dir, url, alertInterval, alertWebhook, clock);
    }

    /** These settings with alerts evaluated every {@code interval} and notified to {@code webhook} (may be null). */
    public ServerSettings withAlerts(Duration interval, String webhook) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, registryDir, registryUrl, interval, webhook,
                clock);
    }

    /** These settings with {@code clock} deciding when windows close. */
    public ServerSettings withClock(Clock clock) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, maxBodyBytes, adminToken, registryDir, registryUrl, alertInterval,
                alertWebhook, clock);
    }
}
