package dev.assay.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON document against the subset of JSON Schema 2020-12 that {@code report.schema.json}
 * uses: {@code $ref} to {@code $defs}, {@code oneOf}, {@code const}, {@code enum}, {@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items},
 * {@code minimum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}. Any other keyword fails the
 * walk, so the schema cannot silently use something this walker ignores.
 */
final class SchemaWalker {

    private static final Set<String> KNOWN = Set.of("$schema", "$id", "$defs", "$ref", "title", "description", "oneOf", "const",
            "enum", "type", "properties", "required", "additionalProperties", "items", "minimum", "exclusiveMinimum",
            "exclusiveMaximum", "format");

    private final JsonNode root;
    private final Set<String> visitedPaths = new HashSet<>();

    SchemaWalker(JsonNode root) {
        this.root = root;
    }

    /** The violations of {@code document}, each naming the JSON path; empty when it conforms. */
    List<String> validate(JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(document, root, "", errors);
        return errors;
    }

    /** The field paths (e.g. {@code checks[].measurements[].value}) seen in the documents validated so far. */
    Set<String> visitedPaths() {
        return visitedPaths;
    }

    /** Every field path the schema declares. */
    Set<String> declaredPaths() {
        Set<String> paths = new LinkedHashSet<>();
        collect(root, "", paths, new HashSet<>());
        return paths;
    }

    private void collect(JsonNode schema, String base, Set<String> paths, Set<String> refsOnStack) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (refsOnStack.add(ref + "@" + base)) {
                collect(resolve(ref), base, paths, refsOnStack);
            }
            return;
        }
        if (schema.has("oneOf")) {
            schema.get("oneOf").forEach(alternative -> collect(alternative, base, paths, refsOnStack));
        }
        if (schema.has("properties")) {
            for (Iterator<String> it = schema.get("properties").fieldNames(); it.hasNext();) {
                String name = it.next();
                String path = base.isEmpty() ? name : base + "." + name;
                paths.add(path);
                collect(schema.get("properties").get(name), path, paths, refsOnStack);
            }
        }
        if (schema.has("items")) {
            collect(schema.get("items"), base + "[]", paths, refsOnStack);
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/$defs/")) {
            throw new IllegalArgumentException("unsupported $ref " + ref);
        }
        JsonNode target = root.get("$defs").get(ref.substring("#/$defs/".length()));
        if (target == null) {
            throw new IllegalArgumentException("dangling $ref " + ref);
        }
        return target;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext();) {
            String keyword = it.next();
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword '" + keyword + "' at " + path + " is not supported by this walker");
            }
        }
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), path, errors);
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            List<String> firstErrors = null;
            for (JsonNode alternative : schema.get("oneOf")) {
                List<String> altErrors = new ArrayList<>();
                Set<String> before = new HashSet<>(visitedPaths);
                check(value, alternative, path, altErrors);
                if (altErrors.isEmpty()) {
                    matches++;
                } else {
                    visitedPaths.retainAll(before);
                    firstErrors = firstErrors == null ? altErrors : firstErrors;
                }
            }
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " of the oneOf alternatives" + (firstErrors == null ? "" : " " + firstErrors));
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": expected " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            errors.add(path + ": expected type " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
                errors.add(path + ": " + v + " below the minimum");
            }
            if (schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").asDouble()) {
                errors.add(path + ": " + v + " not above the exclusive minimum");
            }
            if (schema.has("exclusiveMaximum") && v >= schema.get("exclusiveMaximum").asDouble()) {
                errors.add(path + ": " + v + " not below the exclusive maximum");
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), path + "[]", errors);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode required : schema.get("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": missing required field '" + required.asText() + "'");
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                visitedPaths.add(childPath);
                check(field.getValue(), properties.get(field.getKey()), childPath, errors);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                errors.add(path + ": undocumented field '" + field.getKey() + "'");
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, path + ".*", errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
