package dev.assay.core.slicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The German credit test predictions and the pandas/scikit-learn values of golden/slices_german_test.json. */
public final class GermanCreditSlices {
    /** The golden file (slices_golden.py). */
    public static final JsonNode GOLDEN = read();
    /** Its columns age, personal_status, purpose, class, predicted. */
    public static final Frame FRAME = frame();
    /** class is the label, predicted the prediction. */
    public static final Schema SCHEMA = Schema.builder().label("class").prediction("predicted").build();

    private GermanCreditSlices() {
    }

    private static JsonNode read() {
        try (InputStream in = GermanCreditSlices.class.getResourceAsStream("/golden/slices_german_test.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Frame frame() {
        JsonNode c = GOLDEN.get("columns");
        double[] age = new double[c.get("age").size()];
        for (int i = 0; i < age.length; i++) {
            age[i] = c.get("age").get(i).asDouble();
        }
        return Frame.of("german_credit_test.csv", List.of(NumericColumn.of("age", age), text(c, "personal_status"),
                text(c, "purpose"), text(c, "class"), text(c, "predicted")));
    }

    private static CategoricalColumn text(JsonNode columns, String name) {
        JsonNode values = columns.get(name);
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asText();
        }
        return CategoricalColumn.of(name, out);
    }
}
