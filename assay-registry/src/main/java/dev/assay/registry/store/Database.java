package dev.assay.registry.store;

import dev.assay.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A JDBC {@link DataSource} on SQLite or PostgreSQL with its schema migrated by Flyway, and
 * transactions that serialise writers:
 * <ul>
 *   <li>SQLite: WAL journal, {@code synchronous=FULL} (a committed transaction survives a power
 *       loss), foreign keys on, a 30 s busy timeout, and every transaction opened with
 *       {@code BEGIN IMMEDIATE}, so two writers (threads or processes) queue instead of failing
 *       on a lock upgrade;</li>
 *   <li>PostgreSQL: READ COMMITTED transactions whose writers take row locks
 *       ({@link Dialect#forUpdate}).</li>
 * </ul>
 * Any schema (a folder of migrations per dialect, e.g. {@code db/registry/sqlite}) can be run on it.
 */
public final class Database {
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    /** Flyway logs each step through java.util.logging at INFO; commands print only what they are asked for. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String description;

    private Database(DataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /** An SQLite database in {@code file}, created with its folder when missing. */
    public static Database sqlite(Path file) {
        return sqlite(file, true);
    }

    /**
     * An SQLite database in {@code file}, created with its folder when missing. With {@code autoCheckpoint} false
     * a committing writer never copies the write-ahead log back into the database ({@code wal_autocheckpoint=0}):
     * the owner checkpoints it apart ({@code PRAGMA wal_checkpoint(PASSIVE)}), so no commit waits for a checkpoint.
     */
    public static Database sqlite(Path file, boolean autoCheckpoint) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot create the folder of database " + file + ": " + e.getMessage()
                    + ". Choose a folder you may write to.", e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), autoCheckpoint);
    }

    /**
     * The database at a JDBC URL: {@code jdbc:sqlite:FILE} or
     * {@code jdbc:postgresql://HOST:PORT/DB?user=...}.
     *
     * @throws InvalidInputException for any other kind of URL
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, true);
    }

    private static Database open(String jdbcUrl, boolean autoCheckpoint) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        if (dialect == null) {
            throw new InvalidInputException("Unsupported database URL '" + redacted(jdbcUrl) + "'. Give jdbc:sqlite:FILE or "
                    + "jdbc:postgresql://HOST:PORT/DATABASE?user=NAME.");
        }
        if (dialect == Dialect.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            config.enforceForeignKeys(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            if (!autoCheckpoint) {
                config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
            }
            SQLiteDataSource sqlite = new SQLiteDataSource(config);
            sqlite.setUrl(jdbcUrl);
            return new Database(sqlite, dialect, redacted(jdbcUrl));
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(jdbcUrl);
        return new Database(pg, dialect, redacted(jdbcUrl));
    }

    /** The data source, for code that manages its own connections. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The SQL dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The URL without a password, for messages. */
    public String description() {
        return description;
    }

    /**
     * Brings the schema whose migrations lie under {@code schema} (e.g. {@code db/registry}, with
     * one folder per dialect) up to date; each schema keeps its own history table.
     *
     * @throws InvalidInputException when the database cannot be reached or a migration fails
     */
    public void migrate(String schema) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrations(schema))
                    .table("flyway_" + schema.replaceAll("[^A-Za-z0-9]+", "_"))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new InvalidInputException("Cannot prepare database " + description + ": " + reason(e)
                    + " Check that the database exists and that its user may create tables.", e);
        }
    }

    /** The innermost cause's message (the driver's own words), on one line. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line : line + ".";
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls back on any exception.
     *
     * @throws InvalidInputException naming the database when it fails
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new InvalidInputException("Database " + description + " failed: " + e.getMessage() + ".", e);
        }
    }

    /** The URL with any password parameter replaced by {@code ***}. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
