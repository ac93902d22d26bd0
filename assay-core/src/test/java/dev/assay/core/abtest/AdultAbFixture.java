package dev.assay.core.abtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The A/B data set built from Adult and its golden values, written by scripts/golden/abtest_golden.py. */
final class AdultAbFixture {
    static final JsonNode GOLDEN = json();
    static final Frame FRAME = frame();

    private AdultAbFixture() {
    }

    private static JsonNode json() {
        try (InputStream in = AdultAbFixture.class.getResourceAsStream("/abtest/adult_ab.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV: variant as text, every other column numeric. */
    private static Frame frame() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AdultAbFixture.class.getResourceAsStream("/abtest/adult_ab.csv"), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                if (header[j].equals("variant")) {
                    int col = j;
                    columns.add(CategoricalColumn.of("variant", rows.stream().map(a -> a[col]).toArray(String[]::new)));
                } else {
                    double[] v = new double[rows.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(rows.get(i)[j]);
                    }
                    columns.add(NumericColumn.of(header[j], v));
                }
            }
            return Frame.of("adult_ab.csv", columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
