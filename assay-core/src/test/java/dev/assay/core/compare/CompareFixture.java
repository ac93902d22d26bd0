package dev.assay.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A fixture written by scripts/golden/compare_golden.py: two models' scores on the same rows and reference values. */
record CompareFixture(JsonNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CompareFixture read(String name) {
        try (InputStream in = CompareFixture.class.getResourceAsStream("/compare/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /compare/" + name + ".json");
            }
            return new CompareFixture(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean[] positive() {
        JsonNode labels = json.get("label");
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i).asInt() == json.get("positive").asInt();
        }
        return out;
    }

    double[] scores(String model) {
        JsonNode values = json.get(model + "_score");
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }

    boolean[] correct(String model) {
        JsonNode labels = json.get("label");
        JsonNode predicted = json.get(model + "_predicted");
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i).asInt() == predicted.get(i).asInt();
        }
        return out;
    }

    double value(String... path) {
        JsonNode node = json;
        for (String key : path) {
            node = node.get(key);
        }
        return node.asDouble();
    }
}
