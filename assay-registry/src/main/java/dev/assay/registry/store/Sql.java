package dev.assay.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JDBC helpers shared by the stores: statements with bound arguments, maps kept as JSON text. */
public final class Sql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sql() {
    }

    /** A statement for {@code sql} with {@code args} bound in order (null, Integer, Long, Double or text). */
    public static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        return bind(c.prepareStatement(sql), args);
    }

    /** Binds {@code args} to {@code s} in order and returns it. */
    public static PreparedStatement bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (a instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                s.setLong(i + 1, n);
            } else if (a instanceof Double d) {
                s.setDouble(i + 1, d);
            } else {
                s.setString(i + 1, a.toString());
            }
        }
        return s;
    }

    /** Runs an update with bound arguments; returns the row count. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    /** A map of strings as JSON text. */
    public static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** The map that {@link #json} wrote. */
    public static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds JSON it did not write: " + json, e);
        }
    }
}
