package dev.assay.server;

import dev.assay.registry.store.Database;
import dev.assay.registry.store.Dialect;
import dev.assay.registry.store.SqlWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The service's tables in a {@link Database} (the registry's storage layer: SQLite in WAL mode with
 * {@code synchronous=FULL}, or PostgreSQL), migrated by Flyway from {@code db/server/<dialect>}. A write is
 * one transaction committed before it returns, so whatever the service acknowledges is durable; a read uses
 * a connection of its own outside any write transaction, which WAL lets run beside the writer.
 */
final class Storage {
    private final Database db;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Storage(Database db) {
        this.db = db;
    }

    /** {@code jdbcUrl} when given, else {@code assay.db} in {@code dataDir} (created if missing); the schema brought up to date. */
    static Storage open(Path dataDir, String jdbcUrl) {
        Database db = jdbcUrl == null ? Database.sqlite(dataDir.resolve("assay.db")) : Database.open(jdbcUrl);
        db.migrate("db/server");
        return new Storage(db);
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
