package dev.assay.core.segments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.BinaryOutcomes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Adult as a frame (numbers as numbers, text as categories) and the golden file's real predictions on it. */
final class AdultSegments {
    static final Set<String> NUMERIC = Set.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week");
    private static Frame frame;
    private static JsonNode golden;

    private AdultSegments() {
    }

    static synchronized Frame frame() {
        if (frame == null) {
            try {
                List<String> lines = Files.readAllLines(Path.of("../examples/models/adult.csv"));
                String[] header = lines.get(0).split(",");
                List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
                List<Column> columns = new ArrayList<>();
                for (int c = 0; c < header.length; c++) {
                    int col = c;
                    if (NUMERIC.contains(header[c])) {
                        columns.add(NumericColumn.wrap(header[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[col])).toArray()));
                    } else {
                        columns.add(CategoricalColumn.of(header[c], rows.stream().map(r -> r[col]).toArray(String[]::new)));
                    }
                }
                frame = Frame.of("adult.csv", columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return frame;
    }

    /** segments_adult.json: predictions of a logistic regression on Adult, and SciPy's p-values. */
    static synchronized JsonNode golden() {
        if (golden == null) {
            try (InputStream in = AdultSegments.class.getResourceAsStream("/golden/segments_adult.json")) {
                golden = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return golden;
    }

    static boolean[] truth() {
        return bits(golden().get("truth").asText());
    }

    static boolean[] predicted() {
        return bits(golden().get("predicted").asText());
    }

    static BinaryOutcomes outcomes() {
        return new BinaryOutcomes(truth(), predicted(), ">50K");
    }

    private static boolean[] bits(String s) {
        boolean[] out = new boolean[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.charAt(i) == '1';
        }
        return out;
    }
}
