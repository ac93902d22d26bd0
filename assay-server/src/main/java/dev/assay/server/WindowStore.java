package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowAggregateCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Called inside the transaction that inserts the rows, with only the rows actually inserted, so an
 * aggregate always counts exactly the stored predictions and, among them, those whose label is stored
 * (whichever of the two arrived second adds the pair).
 */
final class WindowStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_QUERY = 500;

    private WindowStore() {
    }

    /** Adds newly inserted predictions (and any labels stored before them) to their windows' aggregates. */
    static void addPredictions(Connection c, String model, ModelConfig config, Map<String, Boolean> types, List<Prediction> inserted)
            throws SQLException {
        Map<String, String> labels = labels(c, model, inserted);
        Map<String, List<Prediction>> groups = new LinkedHashMap<>();
        for (Prediction p : inserted) {
            groups.computeIfAbsent(key(p.version(), config.window().start(Instant.ofEpochMilli(p.timestampMillis()))),
                    k -> new ArrayList<>()).add(p);
        }
        for (List<Prediction> rows : groups.values()) {
            Prediction first = rows.get(0);
            WindowAggregate a = load(c, model, first.version(), config.window().start(Instant.ofEpochMilli(first.timestampMillis())));
            boolean[] positive = new boolean[rows.size()];
            double[] scores = new double[rows.size()];
            List<Boolean> truth = new ArrayList<>();
            List<Integer> labelled = new ArrayList<>();
            for (int i = 0; i < positive.length; i++) {
                positive[i] = config.isPositive(rows.get(i).prediction());
                scores[i] = rows.get(i).score();
                String label = labels.get(rows.get(i).id());
                if (label != null) {
                    truth.add(config.isPositive(parse(label)));
                    labelled.add(i);
                }
            }
            try {
                a.add(FeatureBatch.of(rows, types), positive, scores);
            } catch (InvalidInputException e) {
                throw ApiException.badRequest("The features of version " + first.version() + " do not fit its window: " + e.getMessage());
            }
            addLabels(a, truth, labelled.stream().mapToInt(i -> i).toArray(), positive, scores);
            save(c, model, a);
        }
    }

    /** Adds newly inserted labels whose prediction is stored to that prediction's window. */
    static void addLabels(Connection c, String model, ModelConfig config, List<Label> inserted) throws SQLException {
        Map<String, WindowAggregate> touched = new LinkedHashMap<>();
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
                    WindowAggregate a = touched.get(key(version, start));
                    if (a == null) {
                        a = load(c, model, version, start);
                        touched.put(key(version, start), a);
                    }
                    String prediction = r.getString(3);
                    a.addLabels(new boolean[] {config.isPositive(parse(l.labelJson()))},
                            new boolean[] {prediction != null && config.isPositive(parse(prediction))}, new double[] {r.getDouble(4)});
                }
            }
        }
        for (WindowAggregate a : touched.values()) {
            save(c, model, a);
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

    private static void addLabels(WindowAggregate a, List<Boolean> truth, int[] rows, boolean[] positive, double[] scores) {
        if (rows.length == 0) {
            return;
        }
        boolean[] t = new boolean[rows.length];
        boolean[] p = new boolean[rows.length];
        double[] s = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            t[k] = truth.get(k);
            p[k] = positive[rows[k]];
            s[k] = scores[rows[k]];
        }
        a.addLabels(t, p, s);
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

    private static WindowAggregate load(Connection c, String model, String version, Instant start) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT aggregate FROM window_aggregates WHERE model = ? AND version = ? "
                + "AND start_ms = ?")) {
            s.setString(1, model);
            s.setString(2, version);
            s.setLong(3, start.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? WindowAggregateCodec.fromBytes(r.getBytes(1), "window " + start + " of " + model + " " + version)
                        : new WindowAggregate(version, start);
            }
        }
    }

    private static void save(Connection c, String model, WindowAggregate a) throws SQLException {
        byte[] bytes = WindowAggregateCodec.toBytes(a);
        try (PreparedStatement u = c.prepareStatement("UPDATE window_aggregates SET aggregate = ? WHERE model = ? AND version = ? "
                + "AND start_ms = ?")) {
            u.setBytes(1, bytes);
            u.setString(2, model);
            u.setString(3, a.version());
            u.setLong(4, a.start().toEpochMilli());
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO window_aggregates (aggregate, model, version, start_ms) VALUES (?, ?, ?, ?)")) {
            i.setBytes(1, bytes);
            i.setString(2, model);
            i.setString(3, a.version());
            i.setLong(4, a.start().toEpochMilli());
            i.executeUpdate();
        }
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
