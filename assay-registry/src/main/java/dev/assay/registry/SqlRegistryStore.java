package dev.assay.registry;

import static dev.assay.registry.store.Sql.json;
import static dev.assay.registry.store.Sql.map;
import static dev.assay.registry.store.Sql.prepare;
import static dev.assay.registry.store.Sql.update;

import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RegistryStore} on a {@link Database} (schema {@value #SCHEMA}). Writers first lock the
 * model's row ({@code BEGIN IMMEDIATE} in SQLite, {@code SELECT ... FOR UPDATE} in PostgreSQL), so
 * the next version number and an alias's previous version are read and written atomically.
 */
public final class SqlRegistryStore implements RegistryStore {
    /** The migrations' folder. */
    public static final String SCHEMA = "db/registry";
    private static final String VERSION_COLUMNS = "model, version, sha256, file_name, framework, size_bytes, metadata, "
            + "training_data, parent_version, code_revision, registered_at, registered_by";

    private final Database db;

    /** A store on {@code db}, whose schema is migrated now. */
    public SqlRegistryStore(Database db) {
        this.db = db;
        db.migrate(SCHEMA);
    }

    @Override
    public Registration register(ModelVersion candidate) {
        return db.inTransaction(c -> {
            lockModel(c, candidate.name(), candidate.registeredAt());
            Optional<ModelVersion> existing = one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND sha256 = ?",
                    candidate.name(), candidate.sha256());
            int version;
            if (existing.isPresent()) {
                version = existing.get().version();
            } else {
                version = nextVersion(c, candidate.name());
                Integer parent = candidate.lineage().parentVersion();
                if (parent != null && one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND version = ?",
                        candidate.name(), parent).isEmpty()) {
                    throw new InvalidInputException("Parent version " + candidate.name() + "@" + parent
                            + " does not exist. Give an existing version (see 'assay registry show " + candidate.name() + "').");
                }
                insertVersion(c, candidate, version);
            }
            for (Map.Entry<String, String> tag : candidate.tags().entrySet()) {
                update(c, "DELETE FROM version_tags WHERE model = ? AND version = ? AND tag_key = ?", candidate.name(), version,
                        tag.getKey());
                update(c, "INSERT INTO version_tags (model, version, tag_key, tag_value) VALUES (?, ?, ?, ?)", candidate.name(),
                        version, tag.getKey(), tag.getValue());
            }
            ModelVersion stored = one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND version = ?",
                    candidate.name(), version).orElseThrow();
            return new Registration(stored, existing.isEmpty());
        });
    }

    @Override
    public Optional<ModelVersion> version(String model, int version) {
        return db.inTransaction(c -> one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND version = ?",
                model, version));
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return db.inTransaction(c -> all(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? ORDER BY version", model));
    }

    @Override
    public List<String> models() {
        return db.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM models ORDER BY name"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Override
    public AliasMove moveAlias(String model, String alias, int to, Clock clock, String by, String reason) {
        return db.inTransaction(c -> {
            if (!modelExists(c, model)) {
                throw unknownModel(model);
            }
            lockModel(c, model, clock.instant());
            if (one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND version = ?", model, to).isEmpty()) {
                throw new InvalidInputException("Model " + model + " has no version " + to + ". See 'assay registry show " + model
                        + "' for its versions.");
            }
            Optional<AliasMove> last = latestMove(c, model, alias, Long.MAX_VALUE);
            Integer from = last.map(AliasMove::to).orElse(null);
            long at = Math.max(clock.millis(), last.map(m -> m.at().toEpochMilli()).orElse(Long.MIN_VALUE));
            update(c, "INSERT INTO alias_moves (model, alias, from_version, to_version, moved_at, moved_by, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", model, alias, from, to, at, by, reason);
            return new AliasMove(alias, from, to, Instant.ofEpochMilli(at), by, reason);
        });
    }

    @Override
    public Optional<AliasMove> aliasAt(String model, String alias, Instant at) {
        return db.inTransaction(c -> latestMove(c, model, alias, at.toEpochMilli()));
    }

    @Override
    public List<AliasMove> moves(String model) {
        return db.inTransaction(c -> {
            List<AliasMove> moves = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT alias, from_version, to_version, moved_at, moved_by, reason "
                    + "FROM alias_moves WHERE model = ? ORDER BY id", model); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    moves.add(move(rs));
                }
            }
            return moves;
        });
    }

    @Override
    public void linkReport(String model, int version, LinkedReport report) {
        db.inTransaction(c -> {
            if (one(c, "SELECT " + VERSION_COLUMNS + " FROM versions WHERE model = ? AND version = ?", model, version).isEmpty()) {
                throw new InvalidInputException("Model " + model + " has no version " + version + ".");
            }
            try (PreparedStatement s = prepare(c, "SELECT 1 FROM version_reports WHERE model = ? AND version = ? AND sha256 = ?",
                    model, version, report.sha256()); ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return null;
                }
            }
            update(c, "INSERT INTO version_reports (model, version, location, sha256, status, linked_at) VALUES (?, ?, ?, ?, ?, ?)",
                    model, version, report.location(), report.sha256(), report.status(), report.linkedAt().toEpochMilli());
            return null;
        });
    }

    @Override
    public List<LinkedReport> reports(String model, int version) {
        return db.inTransaction(c -> {
            List<LinkedReport> reports = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT location, sha256, status, linked_at FROM version_reports "
                    + "WHERE model = ? AND version = ? ORDER BY linked_at, sha256", model, version); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reports.add(new LinkedReport(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return reports;
        });
    }

    private void lockModel(Connection c, String model, Instant now) throws SQLException {
        update(c, "INSERT INTO models (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", model, now.toEpochMilli());
        try (PreparedStatement s = prepare(c, db.dialect().forUpdate("SELECT name FROM models WHERE name = ?"), model);
                ResultSet rs = s.executeQuery()) {
            rs.next();
        }
    }

    private static boolean modelExists(Connection c, String model) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT 1 FROM models WHERE name = ?", model); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    static InvalidInputException unknownModel(String model) {
        return new InvalidInputException("No model named '" + model + "' is registered. Register it first, or see "
                + "'assay registry list' for the names.");
    }

    private static int nextVersion(Connection c, String model) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT COALESCE(MAX(version), 0) FROM versions WHERE model = ?", model);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1) + 1;
        }
    }

    private static void insertVersion(Connection c, ModelVersion v, int version) throws SQLException {
        update(c, "INSERT INTO versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.name(), version,
                v.sha256(), v.fileName(), v.framework(), v.sizeBytes(), json(v.metadata()), v.lineage().trainingData(),
                v.lineage().parentVersion(), v.lineage().codeRevision(), v.registeredAt().toEpochMilli(), v.registeredBy());
    }

    private static Optional<AliasMove> latestMove(Connection c, String model, String alias, long atMillis) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT alias, from_version, to_version, moved_at, moved_by, reason FROM alias_moves "
                + "WHERE model = ? AND alias = ? AND moved_at <= ? ORDER BY id DESC LIMIT 1", model, alias, atMillis);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(move(rs)) : Optional.empty();
        }
    }

    private static AliasMove move(ResultSet rs) throws SQLException {
        int from = rs.getInt(2);
        Integer fromVersion = rs.wasNull() ? null : from;
        return new AliasMove(rs.getString(1), fromVersion, rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                rs.getString(6));
    }

    private static Optional<ModelVersion> one(Connection c, String sql, Object... args) throws SQLException {
        List<ModelVersion> found = all(c, sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<ModelVersion> all(Connection c, String sql, Object... args) throws SQLException {
        List<ModelVersion> versions = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int parent = rs.getInt(9);
                Integer parentVersion = rs.wasNull() ? null : parent;
                versions.add(new ModelVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), map(rs.getString(7)), Map.of(), new Lineage(rs.getString(8), parentVersion, rs.getString(10)),
                        Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12)));
            }
        }
        List<ModelVersion> tagged = new ArrayList<>();
        for (ModelVersion v : versions) {
            tagged.add(new ModelVersion(v.name(), v.version(), v.sha256(), v.fileName(), v.framework(), v.sizeBytes(), v.metadata(),
                    tags(c, v.name(), v.version()), v.lineage(), v.registeredAt(), v.registeredBy()));
        }
        return tagged;
    }

    private static Map<String, String> tags(Connection c, String model, int version) throws SQLException {
        Map<String, String> tags = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(c, "SELECT tag_key, tag_value FROM version_tags WHERE model = ? AND version = ? "
                + "ORDER BY tag_key", model, version); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tags.put(rs.getString(1), rs.getString(2));
            }
        }
        return tags;
    }
}
