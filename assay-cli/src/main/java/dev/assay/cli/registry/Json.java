package dev.assay.cli.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.AliasMove;
import dev.assay.registry.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON the registry commands print, and their {@code --format} option. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Whether {@code --format} asks for JSON. */
    static boolean wanted(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json":
                return true;
            case "text":
                return false;
            default:
                throw new InvalidInputException("Invalid value '" + format + "' for option '--format': use text or json.");
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps and lists of plain values are always JSON", e);
        }
    }

    /** A version as {@code {"name", "version", "sha256", "framework", "size_bytes", "file_name", ...}}. */
    static Map<String, Object> version(ModelVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("version", v.version());
        m.put("sha256", v.sha256());
        m.put("framework", v.framework());
        m.put("file_name", v.fileName());
        m.put("size_bytes", v.sizeBytes());
        m.put("registered_at", v.registeredAt().toString());
        m.put("registered_by", v.registeredBy());
        m.put("tags", v.tags());
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("training_data", v.lineage().trainingData());
        lineage.put("parent_version", v.lineage().parentVersion());
        lineage.put("code_revision", v.lineage().codeRevision());
        m.put("lineage", lineage);
        m.put("metadata", v.metadata());
        return m;
    }

    /** A log entry as {@code {"alias", "from", "to", "at", "by", "reason"}}. */
    static Map<String, Object> move(AliasMove move) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alias", move.alias());
        m.put("from", move.from());
        m.put("to", move.to());
        m.put("at", move.at().toString());
        m.put("by", move.by());
        m.put("reason", move.reason());
        return m;
    }

    static List<Map<String, Object>> moves(List<AliasMove> moves) {
        List<Map<String, Object>> list = new ArrayList<>();
        moves.forEach(m -> list.add(move(m)));
        return list;
    }
}
