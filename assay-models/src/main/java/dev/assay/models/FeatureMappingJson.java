package dev.assay.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.FeatureMapping.Feature;
import dev.assay.core.model.FeatureMapping.OneHot;
import dev.assay.core.model.FeatureMapping.Ordinal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FeatureMapping} as JSON, as stored in a model file's metadata:
 * <pre>{"features": [{"column": "age", "encoding": "numeric"},
 *               {"column": "sex", "encoding": "one_hot", "levels": ["female", "male"]},
 *               {"column": "size", "encoding": "ordinal", "levels": ["S", "M", "L"]}]}</pre>
 */
public final class FeatureMappingJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeatureMappingJson() {
    }

    /** The mapping as compact JSON. */
    public static String write(FeatureMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode features = root.putArray("features");
        for (Feature f : mapping.features()) {
            ObjectNode node = features.addObject().put("column", f.column());
            if (f.encoding() instanceof OneHot o) {
                node.put("encoding", "one_hot");
                o.levels().forEach(node.putArray("levels")::add);
            } else if (f.encoding() instanceof Ordinal o) {
                node.put("encoding", "ordinal");
                o.levels().forEach(node.putArray("levels")::add);
            } else {
                node.put("encoding", "numeric");
            }
        }
        return root.toString();
    }

    /**
     * Reads a mapping written by {@link #write}.
     *
     * @param source where the JSON comes from, for messages (e.g. a model file)
     * @throws InvalidInputException naming {@code source} and the problem
     */
    public static FeatureMapping read(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("The feature mapping of " + source + " is not valid JSON: " + e.getMessage()
                    + ". Expected {\"features\": [{\"column\": ..., \"encoding\": \"numeric\"|\"one_hot\"|\"ordinal\"}]}.", e);
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray()) {
            throw new InvalidInputException("The feature mapping of " + source + " has no \"features\" array. Expected "
                    + "{\"features\": [{\"column\": ..., \"encoding\": \"numeric\"|\"one_hot\"|\"ordinal\"}]}.");
        }
        List<Feature> list = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String column = f.path("column").asText(null);
            String encoding = f.path("encoding").asText("");
            if (column == null) {
                throw new InvalidInputException("Feature " + (i + 1) + " in the feature mapping of " + source + " has no \"column\".");
            }
            list.add(switch (encoding) {
                case "numeric" -> Feature.numeric(column);
                case "one_hot" -> Feature.oneHot(column, levels(f, column, source));
                case "ordinal" -> Feature.ordinal(column, levels(f, column, source));
                default -> throw new InvalidInputException("Feature '" + column + "' in the feature mapping of " + source
                        + " has encoding '" + encoding + "'; expected numeric, one_hot or ordinal.");
            });
        }
        return new FeatureMapping(list);
    }

    private static List<String> levels(JsonNode feature, String column, String source) {
        JsonNode levels = feature.get("levels");
        if (levels == null || !levels.isArray()) {
            throw new InvalidInputException("Feature '" + column + "' in the feature mapping of " + source
                    + " needs a \"levels\" array for its encoding.");
        }
        List<String> out = new ArrayList<>(levels.size());
        levels.forEach(l -> out.add(l.asText()));
        return out;
    }
}
