package dev.assay.server;

import dev.assay.registry.store.Database;
import dev.assay.registry.store.Dialect;
import dev.assay.registry.store.SqlWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's tables in a {@link Database} (the registry's storage layer: SQLite in WAL mode with
 * {@code synchronous=FULL}, or PostgreSQL), migrated by Flyway from {@code db/server/<dialect>}. A write is
 * one transaction committed before it returns, so whatever the service acknowledges is durable; a read uses
 * a connection of its own outside any write transaction, which WAL lets run beside the writer.
 *
 * <p>On SQLite no commit copies the write-ahead log into the database: a background thread does it every
 * {@value #CHECKPOINT_MILLIS} ms ({@code PRAGMA wal_checkpoint(PASSIVE)}, which waits for no reader or writer) on a
 * connection held open for the life of the service, which also spares the last connection's close the full
 * checkpoint SQLite would run there. Otherwise the writer whose commit crossed the log's threshold, and every writer
 * queued behind it, waited for the copy and its fsync.
 */
final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    private static final long CHECKPOINT_MILLIS = 1000;
    private final Database db;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;

    private Storage(Database db) throws SQLException {
        this.db = db;
        if (db.dialect() == Dialect.SQLITE) {
            checkpointer = db.dataSource().getConnection();
            checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "assay-sqlite-checkpoint");
                t.setDaemon(true);
                return t;
            });
            checkpoints.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            checkpointer = null;
            checkpoints = null;
        }
    }

    /** {@code jdbcUrl} when given, else {@code assay.db} in {@code dataDir} (created if missing); the schema brought up to date. */
    static Storage open(Path dataDir, String jdbcUrl) throws SQLException {
        Database db = jdbcUrl == null ? Database.sqlite(dataDir.resolve("assay.db"), false) : Database.open(jdbcUrl);
        db.migrate("db/server");
        return new Storage(db);
    }

    private void checkpoint() {
        try (Statement s = checkpointer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("SQLite checkpoint failed (retried in {} ms): {}", CHECKPOINT_MILLIS, e.getMessage());
        }
    }

    /** Stops the checkpoints and closes the held connection, which checkpoints the log a last time. */
    @Override
    public void close() {
        if (checkpoints != null) {
            checkpoints.shutdown();
            try {
                checkpoints.awaitTermination(10, TimeUnit.SECONDS);
                checkpointer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                LOG.warn("Closing the SQLite database: {}", e.getMessage());
            }
        }
    }

    /**
     * Runs {@code work} in one transaction, committed before this returns; rolled back if it throws. SQLite lets one
     * writer at a time hold its database, and a writer that finds it taken sleeps in steps of up to 100 ms before
     * trying again; so this process's SQLite writers queue in order on a lock of their own first, and only writers
     * of other processes meet SQLite's busy wait.
     */
    <T> T write(SqlWork<T> work) {
        if (db.dialect() != Dialect.SQLITE) {
            return db.inTransaction(work);
        }
        sqliteWriter.lock();
        try {
            return db.inTransaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    /**
     * Locks the model's row until the transaction ends, so that writers of one model take turns across processes:
     * {@code SELECT ... FOR UPDATE} on PostgreSQL; on SQLite every write transaction already holds the database's
     * write lock ({@code BEGIN IMMEDIATE}).
     */
    void lockModel(Connection c, String model) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(db.dialect().forUpdate("SELECT name FROM models WHERE name = ?"))) {
            s.setString(1, model);
            s.executeQuery().close();
        }
    }

    /** Runs {@code work} on a connection of its own, in auto-commit mode. */
    <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return work.run(c);
        }
    }
}
