package dev.assay.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The service's database: SQLite in the data folder by default (WAL journal, {@code synchronous=FULL}, so a
 * committed transaction survives a crash or a power cut), or PostgreSQL from a JDBC URL; the schema is
 * created and upgraded by the Flyway migrations in {@code db/server}. Writes run one at a time on one
 * connection, each in a transaction that is committed (durable) before the caller answers; reads open their
 * own connection, which WAL lets run beside the writer.
 */
final class Database implements AutoCloseable {
    /** Work done with a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final Properties properties;
    private final boolean sqlite;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Database(String url, Properties properties) throws SQLException {
        this.url = url;
        this.properties = properties;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        Flyway.configure().dataSource(url, properties.getProperty("user"), properties.getProperty("password"))
                .locations("classpath:db/server").placeholders(Map.of("identity", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                        : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")).load().migrate();
        this.writer = connect();
        writer.setAutoCommit(false);
    }

    /**
     * Opens the database: {@code jdbcUrl} when given (jdbc:postgresql://... or jdbc:sqlite:...), else
     * {@code assay.db} in {@code dataDir}, which is created if missing.
     */
    static Database open(Path dataDir, String jdbcUrl) throws SQLException, IOException {
        Properties p = new Properties();
        String url = jdbcUrl;
        if (url == null) {
            Files.createDirectories(dataDir);
            url = "jdbc:sqlite:" + dataDir.resolve("assay.db").toAbsolutePath();
        }
        if (url.startsWith("jdbc:sqlite:")) {
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "FULL");
            p.setProperty("busy_timeout", "10000");
            p.setProperty("foreign_keys", "true");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new SQLException("unsupported database URL '" + url + "': give jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE");
        }
        return new Database(url, p);
    }

    /** Runs {@code work} in one write transaction, committed before this returns; rolled back if it throws. */
    <T> T write(Work<T> work) throws SQLException {
        writeLock.lock();
        try {
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a connection of its own. */
    <T> T read(Work<T> work) throws SQLException {
        try (Connection c = connect()) {
            return work.run(c);
        }
    }

    /** Whether this is SQLite (else PostgreSQL). */
    boolean sqlite() {
        return sqlite;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
