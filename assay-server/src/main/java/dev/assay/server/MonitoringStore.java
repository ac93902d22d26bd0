package dev.assay.server;

import dev.assay.core.monitor.WindowAggregate;
import dev.assay.registry.store.SqlWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored models, predictions, labels and references. A prediction or label is keyed by model and id: one
 * sent again is not stored twice ({@code ON CONFLICT DO NOTHING}), so a client may resend a batch whose
 * acknowledgement it did not get. Each call is one transaction, committed before it returns.
 */
final class MonitoringStore {
    /** How many rows of a request were new and how many were stored already. */
    record Stored(int added, int duplicates) {
    }

    /** The format ({@code csv}, {@code json} or {@code profile}) and row count of a model's reference. */
    record ReferenceInfo(String format, long rows) {
    }

    /** What the store holds for one model. */
    record Counts(long predictions, long labels, long joined, Map<String, Long> versions) {
    }

    private final Storage db;
    private final WindowStore windows = new WindowStore();

    MonitoringStore(Storage db) {
        this.db = db;
    }

    /** Creates or replaces the model's configuration; true when the model is new. */
    boolean putModel(String model, String configJson) throws SQLException {
        return db.write(c -> {
            boolean exists = exists(c, model);
            try (PreparedStatement s = c.prepareStatement(exists ? "UPDATE models SET config = ? WHERE name = ?"
                    : "INSERT INTO models (config, name, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, configJson);
                s.setString(2, model);
                if (!exists) {
                    s.setLong(3, System.currentTimeMillis());
                }
                s.executeUpdate();
            }
            return !exists;
        });
    }

    /** The model's configuration JSON, if the model exists. */
    Optional<String> model(String model) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT config FROM models WHERE name = ?")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The names of all models, sorted. */
    List<String> models() throws SQLException {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM models ORDER BY name"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }

    /**
     * Stores the new predictions and adds them to their windows' aggregates in the same transaction. The rows' JSON
     * text and their partial aggregates are prepared before the transaction; the transaction first locks the model
     * ({@link Storage#lockModel}), so writers of one model, in this process or another, take turns and no update of
     * an aggregate is lost, inserts the rows, and merges the partial aggregates of the rows actually inserted (built
     * again from those rows when some ids were stored already).
     */
    Stored addPredictions(String model, ModelConfig config, Map<String, Boolean> types, List<Prediction> rows) throws SQLException {
        long now = System.currentTimeMillis();
        Map<String, WindowAggregate> partials = WindowStore.partials(config, types, rows);
        String[] features = new String[rows.size()];
        String[] predictions = new String[rows.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = rows.get(i).featuresJson();
            predictions[i] = rows.get(i).predictionJson();
        }
        return write(model, c -> {
            db.lockModel(c, model);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO predictions (model, id, ts, version, features, prediction, score, "
                    + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < features.length; i++) {
                    Prediction p = rows.get(i);
                    s.setString(1, model);
                    s.setString(2, p.id());
                    s.setLong(3, p.timestampMillis());
                    s.setString(4, p.version());
                    s.setString(5, features[i]);
                    s.setString(6, predictions[i]);
                    s.setDouble(7, p.score());
                    s.setLong(8, now);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                Stored stored = stored(counts);
                List<Prediction> inserted = inserted(rows, counts);
                windows.addPredictions(c, model, config, stored.duplicates() == 0 ? partials
                        : WindowStore.partials(config, types, inserted), inserted);
                return stored;
            }
        });
    }

    /** Stores the new labels and adds those whose prediction is stored to its window, in one transaction. */
    Stored addLabels(String model, ModelConfig config, List<Label> rows) throws SQLException {
        long now = System.currentTimeMillis();
        return write(model, c -> {
            db.lockModel(c, model);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO labels (model, id, label, received_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                for (Label l : rows) {
                    s.setString(1, model);
                    s.setString(2, l.id());
                    s.setString(3, l.labelJson());
                    s.setLong(4, now);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                windows.addLabels(c, model, config, inserted(rows, counts));
                return stored(counts);
            }
        });
    }

    /** One write transaction that may update {@code model}'s windows; on failure their decoded copies are dropped. */
    private <T> T write(String model, SqlWork<T> work) {
        try {
            return db.write(work);
        } catch (RuntimeException e) {
            windows.forget(model);
            throw e;
        }
    }

    /** Every window aggregate of the model, by version then start. */
    List<WindowAggregate> windows(String model) throws SQLException {
        return db.read(c -> WindowStore.all(c, model));
    }

    /** The latest window aggregate of each version of the model, by version. */
    List<WindowAggregate> latestWindows(String model) throws SQLException {
        return db.read(c -> WindowStore.latest(c, model));
    }

    /** The model's reference in the engine's form, if its reference had a score column. */
    Optional<ReferenceForm> referenceForm(String model) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT aggregate, calibration FROM reference_forms WHERE model = ?")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(ReferenceForm.fromBytes(model, r.getBytes(1), r.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    /** Stores the model's reference data (CSV or JSON text, or an Assay profile as Base64), replacing any earlier one. */
    void putReference(String model, String format, String content, long rows, ReferenceForm form) throws SQLException {
        db.write(c -> {
            for (String table : List.of("references_data", "reference_forms")) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE model = ?")) {
                    d.setString(1, model);
                    d.executeUpdate();
                }
            }
            if (form != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO reference_forms (model, aggregate, calibration) VALUES (?, ?, ?)")) {
                    s.setString(1, model);
                    s.setBytes(2, form.aggregateBytes());
                    s.setBytes(3, form.calibrationBytes());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO references_data (model, format, content, rows_count, received_at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, model);
                s.setString(2, format);
                s.setString(3, content);
                s.setLong(4, rows);
                s.setLong(5, System.currentTimeMillis());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The format and row count of the model's reference, if one was sent. */
    Optional<ReferenceInfo> referenceInfo(String model) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT format, rows_count FROM references_data WHERE model = ?")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new ReferenceInfo(r.getString(1), r.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    /** The model's reference row count, if a reference was sent. */
    Optional<Long> referenceRows(String model) throws SQLException {
        return referenceInfo(model).map(ReferenceInfo::rows);
    }

    Counts counts(String model) throws SQLException {
        return db.read(c -> {
            Map<String, Long> versions = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT version, COUNT(*) FROM predictions WHERE model = ? GROUP BY version "
                    + "ORDER BY version")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        versions.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            long predictions = versions.values().stream().mapToLong(Long::longValue).sum();
            return new Counts(predictions, count(c, "SELECT COUNT(*) FROM labels WHERE model = ?", model),
                    count(c, "SELECT COUNT(*) FROM labels l JOIN predictions p ON p.model = l.model AND p.id = l.id WHERE l.model = ?",
                            model), versions);
        });
    }

    private static long count(Connection c, String sql, String model) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean exists(Connection c, String model) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM models WHERE name = ?")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static <T> List<T> inserted(List<T> rows, int[] counts) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    private static Stored stored(int[] counts) {
        int added = 0;
        for (int n : counts) {
            added += n > 0 ? 1 : 0;
        }
        return new Stored(added, counts.length - added);
    }
}
