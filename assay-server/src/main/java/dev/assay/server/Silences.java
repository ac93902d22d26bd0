package dev.assay.server;

import dev.assay.core.monitor.alert.Alert;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Silences: from {@code startsAt} until {@code endsAt}, the alerts whose labels equal every given matcher
 * ({@code model}, {@code version}, {@code alertname}, {@code metric}; a matcher left out matches any value) do
 * not notify. Stored in the table {@code silences}; a deleted silence is gone.
 */
final class Silences {
    /** The labels a silence may match on. */
    static final List<String> MATCHERS = List.of("model", "version", "alertname", "metric");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One silence; a null matcher matches any value. */
    record Silence(String id, Map<String, String> matchers, Instant startsAt, Instant endsAt, String comment, String createdBy,
            Instant createdAt) {

        /** Whether the silence covers {@code a} at {@code now}. */
        boolean silences(Alert a, Instant now) {
            if (now.isBefore(startsAt) || !now.isBefore(endsAt)) {
                return false;
            }
            Map<String, String> labels = Map.of("model", a.model(), "version", a.version(), "alertname", a.rule(), "metric", a.metric());
            return matchers.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }

        Map<String, Object> toJson(Instant now) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("matchers", matchers);
            m.put("startsAt", startsAt.toString());
            m.put("endsAt", endsAt.toString());
            m.put("status", now.isBefore(startsAt) ? "pending" : now.isBefore(endsAt) ? "active" : "expired");
            m.put("comment", comment);
            m.put("createdBy", createdBy);
            m.put("createdAt", createdAt.toString());
            return m;
        }
    }

    private final Storage db;

    Silences(Storage db) {
        this.db = db;
    }

    /** Stores a new silence and answers its id. */
    String add(Map<String, String> matchers, Instant startsAt, Instant endsAt, String comment, String by, Instant now) throws SQLException {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO silences (id, model, version, alertname, metric, starts_at, ends_at, "
                    + "comment, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                for (int i = 0; i < MATCHERS.size(); i++) {
                    s.setString(2 + i, matchers.get(MATCHERS.get(i)));
                }
                s.setLong(6, startsAt.toEpochMilli());
                s.setLong(7, endsAt.toEpochMilli());
                s.setString(8, comment);
                s.setString(9, by);
                s.setLong(10, now.toEpochMilli());
                return s.executeUpdate();
            }
        });
        return id;
    }

    /** Deletes the silence {@code id}; false when there is none. */
    boolean delete(String id) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM silences WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Every silence, oldest first. */
    List<Silence> all() throws SQLException {
        return db.read(c -> {
            List<Silence> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, model, version, alertname, metric, starts_at, ends_at, comment, "
                    + "created_by, created_at FROM silences ORDER BY created_at, id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, String> matchers = new LinkedHashMap<>();
                    for (int i = 0; i < MATCHERS.size(); i++) {
                        String v = r.getString(2 + i);
                        if (v != null) {
                            matchers.put(MATCHERS.get(i), v);
                        }
                    }
                    out.add(new Silence(r.getString(1), matchers, Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)),
                            r.getString(8), r.getString(9), Instant.ofEpochMilli(r.getLong(10))));
                }
            }
            return out;
        });
    }

    /** The ids of the silences covering {@code a} at {@code now}. */
    static List<String> covering(List<Silence> silences, Alert a, Instant now) {
        return silences.stream().filter(s -> s.silences(a, now)).map(Silence::id).toList();
    }
}
