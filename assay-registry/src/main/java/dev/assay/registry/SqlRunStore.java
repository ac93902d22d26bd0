package dev.assay.registry;

import dev.assay.registry.store.Database;
import dev.assay.registry.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RunStore} on a {@link Database}: one row per run, one row per defined measurement. */
public final class SqlRunStore implements RunStore {
    private final Database db;

    /** A store on {@code db}, whose schema is migrated now. */
    public SqlRunStore(Database db) {
        this.db = db;
        db.migrate(SqlRegistryStore.SCHEMA);
    }

    @Override
    public RecordedRun record(RecordedRun run) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (model, version, suite, status, started_at, recorded_at, "
                    + "datasets, environment, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Object[] args = {run.model(), run.version(), run.suite(), run.status(), run.startedAt().toEpochMilli(),
                    run.recordedAt().toEpochMilli(), Sql.json(run.datasets()), Sql.json(run.environment()),
                    run.report()};
                Sql.bind(s, args);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            for (Map.Entry<String, Double> m : run.metrics().entrySet()) {
                int cut = m.getKey().indexOf(" / ");
                Sql.update(c, "INSERT INTO run_metrics (run_id, check_name, measurement, value) VALUES (?, ?, ?, ?)", id,
                        m.getKey().substring(0, cut), m.getKey().substring(cut + 3), m.getValue());
            }
            return new RecordedRun(id, run.model(), run.version(), run.suite(), run.status(), run.startedAt(), run.recordedAt(),
                    run.datasets(), run.environment(), run.report(), run.metrics());
        });
    }

    @Override
    public List<RecordedRun> runs(String model) {
        return db.inTransaction(c -> {
            List<RecordedRun> runs = new ArrayList<>();
            try (PreparedStatement s = Sql.prepare(c, "SELECT id, model, version, suite, status, started_at, recorded_at, "
                    + "datasets, environment, report FROM runs WHERE model = ? ORDER BY id", model); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(3);
                    Integer version = rs.wasNull() ? null : v;
                    runs.add(new RecordedRun(rs.getLong(1), rs.getString(2), version, rs.getString(4), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
                            Sql.map(rs.getString(8)), Sql.map(rs.getString(9)), rs.getString(10), Map.of()));
                }
            }
            List<RecordedRun> withMetrics = new ArrayList<>();
            for (RecordedRun r : runs) {
                withMetrics.add(new RecordedRun(r.id(), r.model(), r.version(), r.suite(), r.status(), r.startedAt(), r.recordedAt(),
                        r.datasets(), r.environment(), r.report(), metrics(c, r.id())));
            }
            return withMetrics;
        });
    }

    private static Map<String, Double> metrics(Connection c, long run) throws SQLException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (PreparedStatement s = Sql.prepare(c, "SELECT check_name, measurement, value FROM run_metrics WHERE run_id = ? "
                + "ORDER BY check_name, measurement", run); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                metrics.put(RecordedRun.key(rs.getString(1), rs.getString(2)), rs.getDouble(3));
            }
        }
        return metrics;
    }
}
