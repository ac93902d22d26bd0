package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowAggregateCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per (model, version, window) {@link WindowAggregate}s, stored as bytes in {@code window_aggregates}.
 * A batch's partial aggregates are built before its transaction ({@link #partials}); inside it, with the rows
 * actually inserted known, they are merged into the stored ones, so an aggregate always counts exactly the
 * stored predictions and, among them, those whose label is stored (whichever of the two arrived second adds
 * the pair). Decoded aggregates are kept in an {@link AggregateCache}, checked against the stored revision.
 */
final class WindowStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_QUERY = 500;
    private static final int CACHED_WINDOWS = 256;
    private final AggregateCache cache = new AggregateCache(CACHED_WINDOWS);
    private final SecureRandom stamps = new SecureRandom();

    /**
     * The partial aggregates of {@code rows} by window key, built outside any transaction.
     *
     * @throws ApiException (400) when the rows' features do not form one table (a feature both numeric and text)
     */
    static Map<String, WindowAggregate> partials(ModelConfig config, Map<String, Boolean> types, List<Prediction> rows) {
        Map<String, List<Prediction>> groups = new LinkedHashMap<>();
        for (Prediction p : rows) {
            groups.computeIfAbsent(key(p.version(), start(config, p)), k -> new ArrayList<>()).add(p);
        }
        Map<String, WindowAggregate> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Prediction>> g : groups.entrySet()) {
            List<Prediction> group = g.getValue();
            Prediction first = group.get(0);
            WindowAggregate a = new WindowAggregate(first.version(), start(config, first));
            boolean[] positive = new boolean[group.size()];
            double[] scores = new double[group.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = config.isPositive(group.get(i).prediction());
                scores[i] = group.get(i).score();
            }
            try {
                a.add(FeatureBatch.of(group, types), positive, scores);
            } catch (InvalidInputException e) {
                throw ApiException.badRequest("The features of version " + first.version() + " do not fit together: " + e.getMessage());
            }
            out.put(g.getKey(), a);
        }
        return out;
    }

    /**
     * Adds newly inserted predictions (and any labels stored before them) to their windows' aggregates: merges
     * {@code partials} (the aggregates of exactly the inserted rows) into the stored ones.
     */
    void addPredictions(Connection c, String model, ModelConfig config, Map<String, WindowAggregate> partials, List<Prediction> inserted)
            throws SQLException {
        Map<String, String> labels = labels(c, model, inserted);
        Map<String, List<Prediction>> labelled = new HashMap<>();
        for (Prediction p : inserted) {
            if (labels.containsKey(p.id())) {
                labelled.computeIfAbsent(key(p.version(), start(config, p)), k -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, WindowAggregate> e : partials.entrySet()) {
            WindowAggregate part = e.getValue();
            Stored stored = load(c, model, part.version(), part.start());
            WindowAggregate a = stored.aggregate() == null ? part : stored.aggregate();
            if (a != part) {
                try {
                    a.merge(part);
                } catch (InvalidInputException ex) {
                    throw ApiException.badRequest("The features of version " + part.version() + " do not fit its window: "
                            + ex.getMessage());
                }
            }
            List<Prediction> rows = labelled.getOrDefault(e.getKey(), List.of());
            boolean[] truth = new boolean[rows.size()];
            boolean[] positive = new boolean[rows.size()];
            double[] scores = new double[rows.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = config.isPositive(parse(labels.get(rows.get(i).id())));
                positive[i] = config.isPositive(rows.get(i).prediction());
                scores[i] = rows.get(i).score();
            }
            if (truth.length > 0) {
                a.addLabels(truth, positive, scores);
            }
            save(c, model, a, stored.exists());
        }
    }

    /** Drops the decoded aggregates of {@code model}, after a transaction that wrote them failed. */
    void forget(String model) {
        cache.forget(model);
    }

    /** Adds newly inserted labels whose prediction is stored to that prediction's window. */
    void addLabels(Connection c, String model, ModelConfig config, List<Label> inserted) throws SQLException {
        Map<String, Stored> touched = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, ts, prediction, score FROM predictions WHERE model = ? AND id = ?")) {
            for (Label l : inserted) {
                s.setString(1, model);
                s.setString(2, l.id());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        continue;
                    }
                    String version = r.getString(1);
                    Instant start = config.window().start(Instant.ofEpochMilli(r.getLong(2)));
                    Stored stored = touched.get(key(version, start));
                    if (stored == null) {
                        stored = load(c, model, version, start);
                        if (stored.aggregate() == null) {
                            stored = new Stored(new WindowAggregate(version, start), false);
                        }
                        touched.put(key(version, start), stored);
                    }
                    WindowAggregate a = stored.aggregate();
                    String prediction = r.getString(3);
                    a.addLabels(new boolean[] {config.isPositive(parse(l.labelJson()))},
                            new boolean[] {prediction != null && config.isPositive(parse(prediction))}, new double[] {r.getDouble(4)});
                }
            }
        }
        for (Stored stored : touched.values()) {
            save(c, model, stored.aggregate(), stored.exists());
        }
    }

    /** Every aggregate of the model, by version then window start. */
    static List<WindowAggregate> all(Connection c, String model) throws SQLException {
        List<WindowAggregate> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, start_ms, aggregate FROM window_aggregates WHERE model = ? "
                + "ORDER BY version, start_ms")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(WindowAggregateCodec.fromBytes(r.getBytes(3), "window " + r.getLong(2) + " of " + model + " " + r.getString(1)));
                }
            }
        }
        return out;
    }

    /** The latest aggregate of each version of the model, by version: read from the index, no prediction row is touched. */
    static List<WindowAggregate> latest(Connection c, String model) throws SQLException {
        List<WindowAggregate> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT w.version, w.start_ms, w.aggregate FROM window_aggregates w "
                + "WHERE w.model = ? AND w.start_ms = (SELECT MAX(l.start_ms) FROM window_aggregates l WHERE l.model = w.model "
                + "AND l.version = w.version) ORDER BY w.version")) {
            s.setString(1, model);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(WindowAggregateCodec.fromBytes(r.getBytes(3), "window " + r.getLong(2) + " of " + model + " " + r.getString(1)));
                }
            }
        }
        return out;
    }

    /** The stored labels of {@code rows} by id, looked up {@value #IDS_PER_QUERY} ids a query. */
    private static Map<String, String> labels(Connection c, String model, List<Prediction> rows) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += IDS_PER_QUERY) {
            List<Prediction> part = rows.subList(from, Math.min(rows.size(), from + IDS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT id, label FROM labels WHERE model = ? AND id IN (" + marks + ")")) {
                s.setString(1, model);
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 2, part.get(i).id());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** A window's stored aggregate (null when none is stored) and whether a row exists for it. */
    private record Stored(WindowAggregate aggregate, boolean exists) {
    }

    /** The stored aggregate of the window: the cached one when its revision is the stored one, else decoded. */
    private Stored load(Connection c, String model, String version, Instant start) throws SQLException {
        AggregateCache.Entry cached = cache.take(model, version, start.toEpochMilli());
        try (PreparedStatement s = c.prepareStatement("SELECT CASE WHEN ? AND revision = ? THEN NULL ELSE aggregate END "
                + "FROM window_aggregates WHERE model = ? AND version = ? AND start_ms = ?")) {
            s.setBoolean(1, cached != null);
            s.setLong(2, cached == null ? 0 : cached.revision());
            s.setString(3, model);
            s.setString(4, version);
            s.setLong(5, start.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new Stored(null, false);
                }
                byte[] bytes = r.getBytes(1);
                return new Stored(bytes == null ? cached.aggregate()
                        : WindowAggregateCodec.fromBytes(bytes, "window " + start + " of " + model + " " + version), true);
            }
        }
    }

    /** Writes the window's bytes under a new revision and keeps the aggregate in the cache with it. */
    private void save(Connection c, String model, WindowAggregate a, boolean exists) throws SQLException {
        byte[] bytes = WindowAggregateCodec.toBytes(a);
        long revision = stamps.nextLong();
        try (PreparedStatement s = c.prepareStatement(exists
                ? "UPDATE window_aggregates SET aggregate = ?, revision = ? WHERE model = ? AND version = ? AND start_ms = ?"
                : "INSERT INTO window_aggregates (aggregate, revision, model, version, start_ms) VALUES (?, ?, ?, ?, ?)")) {
            s.setBytes(1, bytes);
            s.setLong(2, revision);
            s.setString(3, model);
            s.setString(4, a.version());
            s.setLong(5, a.start().toEpochMilli());
            s.executeUpdate();
        }
        cache.put(model, revision, a);
    }

    private static Instant start(ModelConfig config, Prediction p) {
        return config.window().start(Instant.ofEpochMilli(p.timestampMillis()));
    }

    private static String key(String version, Instant start) {
        return version + "\u0000" + start.toEpochMilli();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
