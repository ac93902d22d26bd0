package dev.assay.server;

import dev.assay.core.monitor.alert.Alert;
import dev.assay.core.monitor.alert.AlertEvaluator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's alerting in the database: its rules (JSON text), and the evaluation state that must survive a
 * restart: the streak of every (version, rule, metric), every alert with its acknowledgement, and the start of
 * the last window evaluated per version (so no window is evaluated, nor an alert notified, twice).
 */
final class AlertStore {
    /** An alert as stored: the engine's alert and who acknowledged it, when, why (null when not acknowledged). */
    record Stored(Alert alert, String ackBy, Instant ackAt, String ackComment) {
    }

    /** The evaluation state of one model. */
    record State(List<Alert> alerts, Map<String, Integer> streaks, Map<String, Long> progress) {
    }

    private final Storage db;

    AlertStore(Storage db) {
        this.db = db;
    }

    /** The model's rules as JSON text, if any were set. */
    Optional<String> rules(String model) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT rules FROM alert_rules WHERE model = ?")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Replaces the model's rules; the streaks of rules no longer present are dropped. */
    void putRules(String model, String json, List<String> names, Instant now) throws SQLException {
        db.write(c -> {
            db.lockModel(c, model);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM alert_rules WHERE model = ?")) {
                d.setString(1, model);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_rules (model, rules, updated_at) VALUES (?, ?, ?)")) {
                s.setString(1, model);
                s.setString(2, json);
                s.setLong(3, now.toEpochMilli());
                s.executeUpdate();
            }
            Map<String, Integer> kept = new LinkedHashMap<>();
            streaks(c, model).forEach((k, v) -> {
                if (names.contains(k.split("\u0000", -1)[1])) {
                    kept.put(k, v);
                }
            });
            saveStreaks(c, model, kept);
            return null;
        });
    }

    /** Every alert of the model (null: of every model), in the order they first fired. */
    List<Stored> alerts(String model) throws SQLException {
        return db.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, model, version, rule, metric, severity, state, starts_at, "
                    + "ends_at, value, ack_by, ack_at, ack_comment FROM alerts" + (model == null ? "" : " WHERE model = ?")
                    + " ORDER BY model, seq")) {
                if (model != null) {
                    s.setString(1, model);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(stored(r));
                    }
                }
            }
            return out;
        });
    }

    /** The start (epoch ms) of the last window evaluated, by version. */
    Map<String, Long> progress(String model) throws SQLException {
        return db.read(c -> progress(c, model));
    }

    /** The model's evaluation state, read inside the transaction {@code c}. */
    static State load(Connection c, String model) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, model, version, rule, metric, severity, state, starts_at, "
                + "ends_at, value, ack_by, ack_at, ack_comment FROM alerts WHERE model = ? ORDER BY seq")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    alerts.add(stored(r).alert());
                }
            }
        }
        return new State(alerts, streaks(c, model), progress(c, model));
    }

    /**
     * Saves the model's evaluation state inside the transaction {@code c}: the alerts (an acknowledgement is
     * cleared when its alert no longer fires or is no longer acknowledged), the streaks and the progress.
     */
    static void save(Connection c, String model, List<Alert> alerts, Map<String, Integer> streaks, Map<String, Long> progress)
            throws SQLException {
        long seq = 0;
        for (Alert a : alerts) {
            seq++;
            try (PreparedStatement u = c.prepareStatement("UPDATE alerts SET seq = ?, state = ?, starts_at = ?, ends_at = ?, value = ?, "
                    + "severity = ? WHERE model = ? AND fingerprint = ?")) {
                bindState(u, seq, a);
                if (u.executeUpdate() == 0) {
                    try (PreparedStatement i = c.prepareStatement("INSERT INTO alerts (seq, state, starts_at, ends_at, value, severity, "
                            + "model, fingerprint, version, rule, metric) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        bindState(i, seq, a);
                        i.setString(9, a.version());
                        i.setString(10, a.rule());
                        i.setString(11, a.metric());
                        i.executeUpdate();
                    }
                }
            }
            if (!a.acknowledged()) {
                try (PreparedStatement u = c.prepareStatement("UPDATE alerts SET ack_by = NULL, ack_at = NULL, ack_comment = NULL "
                        + "WHERE model = ? AND fingerprint = ?")) {
                    u.setString(1, model);
                    u.setString(2, a.fingerprint());
                    u.executeUpdate();
                }
            }
        }
        saveStreaks(c, model, streaks);
        try (PreparedStatement d = c.prepareStatement("DELETE FROM alert_progress WHERE model = ?")) {
            d.setString(1, model);
            d.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO alert_progress (model, version, last_start) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : progress.entrySet()) {
                i.setString(1, model);
                i.setString(2, e.getKey());
                i.setLong(3, e.getValue());
                i.addBatch();
            }
            i.executeBatch();
        }
    }

    /**
     * Acknowledges the firing alert {@code fingerprint}: 404 when the model has no such alert, 409 when it
     * does not fire.
     */
    void acknowledge(String model, String fingerprint, String by, String comment, Instant now) throws SQLException {
        db.write(c -> {
            db.lockModel(c, model);
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM alerts WHERE model = ? AND fingerprint = ?")) {
                s.setString(1, model);
                s.setString(2, fingerprint);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ApiException.notFound("Model '" + model + "' has no alert with fingerprint '" + fingerprint
                                + "'; GET /api/v1/models/" + model + "/alerts lists them.");
                    }
                    if (!Alert.State.FIRING.name().equals(r.getString(1))) {
                        throw new ApiException(409, "The alert " + fingerprint + " is resolved; only a firing alert can be acknowledged.");
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE alerts SET ack_by = ?, ack_at = ?, ack_comment = ? WHERE model = ? "
                    + "AND fingerprint = ?")) {
                u.setString(1, by);
                u.setLong(2, now.toEpochMilli());
                u.setString(3, comment);
                u.setString(4, model);
                u.setString(5, fingerprint);
                return u.executeUpdate();
            }
        });
    }

    private static void bindState(PreparedStatement s, long seq, Alert a) throws SQLException {
        s.setLong(1, seq);
        s.setString(2, a.state().name());
        s.setLong(3, a.startsAt().toEpochMilli());
        if (a.endsAt() == null) {
            s.setNull(4, Types.BIGINT);
        } else {
            s.setLong(4, a.endsAt().toEpochMilli());
        }
        if (Double.isFinite(a.value())) {
            s.setDouble(5, a.value());
        } else {
            s.setNull(5, Types.DOUBLE);
        }
        s.setString(6, a.severity());
        s.setString(7, a.model());
        s.setString(8, a.fingerprint());
    }

    private static Stored stored(ResultSet r) throws SQLException {
        long ends = r.getLong(9);
        Instant endsAt = r.wasNull() ? null : Instant.ofEpochMilli(ends);
        double value = r.getDouble(10);
        value = r.wasNull() ? Double.NaN : value;
        String ackBy = r.getString(11);
        long ackAt = r.getLong(12);
        Alert a = new Alert(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                Alert.State.valueOf(r.getString(7)), Instant.ofEpochMilli(r.getLong(8)), endsAt, value, ackBy != null, null);
        return new Stored(a, ackBy, ackBy == null ? null : Instant.ofEpochMilli(ackAt), r.getString(13));
    }

    private static Map<String, Integer> streaks(Connection c, String model) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, rule, metric, streak FROM alert_streaks WHERE model = ?")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(AlertEvaluator.streakKey(r.getString(1), r.getString(2), r.getString(3)), r.getInt(4));
                }
            }
        }
        return out;
    }

    /** Replaces the model's streaks; a streak of 0 is not stored (absent means 0). */
    private static void saveStreaks(Connection c, String model, Map<String, Integer> streaks) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM alert_streaks WHERE model = ?")) {
            d.setString(1, model);
            d.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO alert_streaks (model, version, rule, metric, streak) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> e : streaks.entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                String[] key = e.getKey().split("\u0000", -1);
                i.setString(1, model);
                i.setString(2, key[0]);
                i.setString(3, key[1]);
                i.setString(4, key[2]);
                i.setInt(5, e.getValue());
                i.addBatch();
            }
            i.executeBatch();
        }
    }

    private static Map<String, Long> progress(Connection c, String model) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, last_start FROM alert_progress WHERE model = ?")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return out;
    }
}
