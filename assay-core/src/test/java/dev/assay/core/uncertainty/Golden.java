package dev.assay.core.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Fixtures written by scripts/golden/uncertainty_golden.py. */
public final class Golden {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Golden() {
    }

    public static JsonNode read(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /golden/" + file);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    public static int[][] intRows(JsonNode a) {
        int[][] out = new int[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints(a.get(i));
        }
        return out;
    }

    public static double[][] doubleRows(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    /** The text values of an array. */
    public static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A matrix of rows ({@code rows[i][j]}) as numeric columns named {@code names}, in a frame called {@code source}. */
    public static Frame numericColumns(JsonNode rows, List<String> names, String source) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i).get(j).asDouble();
            }
            columns.add(NumericColumn.wrap(names.get(j), v));
        }
        return Frame.of(source, columns);
    }

    /** The source metric fixture of a bootstrap fixture as a frame: y_true, y_pred and, if any, score. */
    public static Frame frame(JsonNode source) {
        boolean regression = source.get("task").asText().equals("regression");
        List<Column> cols = new ArrayList<>();
        cols.add(column(source.get("label"), "y_true", regression));
        cols.add(column(source.get("prediction"), "y_pred", regression));
        if (source.hasNonNull("score")) {
            cols.add(NumericColumn.of("score", doubles(source.get("score"))));
        }
        return Frame.of(source.get("name").asText() + ".csv", cols);
    }

    public static Schema schema(JsonNode source) {
        Schema.Builder b = Schema.builder().label("y_true").prediction("y_pred");
        if (source.hasNonNull("score")) {
            b.score("score");
        }
        return b.build();
    }

    private static Column column(JsonNode values, String name, boolean numeric) {
        if (numeric) {
            return NumericColumn.of(name, doubles(values));
        }
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asText();
        }
        return CategoricalColumn.of(name, out);
    }
}
