package dev.assay.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The append-only log of configuration changes: who (the token's name), when, what. Secrets never enter it. */
final class AuditLog {
    /** One entry. */
    record Entry(long seq, long atMillis, String actor, String action, String detail) {
    }

    private final Storage db;

    AuditLog(Storage db) {
        this.db = db;
    }

    void record(String actor, String action, String detail) throws SQLException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, System.currentTimeMillis());
                s.setString(2, actor);
                s.setString(3, action);
                s.setString(4, detail);
                return s.executeUpdate();
            }
        });
    }

    /** The entries, oldest first. */
    List<Entry> entries() throws SQLException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, detail FROM audit_log ORDER BY seq");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Entry(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return out;
        });
    }
}
