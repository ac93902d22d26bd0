package dev.assay.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real data sets as frames (numbers where every value is one), golden files, and running a kind on them. */
final class IntegrityData {
    static final Path ADULT = Path.of("../examples/models/adult.csv");
    static final Path GERMAN = Path.of("../examples/german-credit/german_credit.csv");
    static final Path PIMA = Path.of("src/test/resources/integrity/pima_diabetes.csv");
    static final Path BREAST_CANCER = Path.of("src/test/resources/integrity/breast_cancer.csv");

    private IntegrityData() {
    }

    /** The CSV file as a frame: values in {@code missing} are missing; rows located by file line. */
    static Frame read(Path file, Set<String> missing) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            return frame(file.getFileName().toString(), lines.get(0).split(","), rows, missing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame of text rows; a column is numeric when every present value is a number. */
    static Frame frame(String source, String[] header, List<String[]> rows, Set<String> missing) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String[] values = new String[rows.size()];
            boolean numeric = true;
            for (int r = 0; r < values.length; r++) {
                String v = rows.get(r)[c];
                values[r] = missing.contains(v) ? null : v;
                numeric &= values[r] == null || NumberText.isNumber(values[r]);
            }
            if (numeric) {
                double[] d = new double[values.length];
                for (int r = 0; r < d.length; r++) {
                    d[r] = values[r] == null ? Double.NaN : NumberText.parse(values[r]);
                }
                columns.add(NumericColumn.wrap(header[c], d));
            } else {
                columns.add(CategoricalColumn.of(header[c], values));
            }
        }
        return Frame.of(source, columns, r -> "line " + (r + 2));
    }

    /** German credit with the problems integrity_golden.py's plant_german plants. */
    static Frame plantedGerman() {
        try {
            List<String> lines = Files.readAllLines(GERMAN);
            String[] header = (lines.get(0) + ",constant").split(",");
            int purpose = List.of(header).indexOf("purpose");
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < lines.size() - 1; i++) {
                String[] r = (lines.get(i + 1) + ",x").split(",", -1);
                if (i % 37 == 0) {
                    r[purpose] = r[purpose].toUpperCase(java.util.Locale.ROOT);
                } else if (i % 53 == 0) {
                    r[purpose] = " " + r[purpose] + ".";
                } else if (i % 71 == 0) {
                    r[purpose] = Integer.toString(i % 7);
                } else if (i % 89 == 0) {
                    r[purpose] = "?";
                }
                rows.add(r);
            }
            return frame("german_credit.csv", header, rows, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode golden(String name) {
        try (InputStream in = IntegrityData.class.getResourceAsStream("/golden/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a check of {@code kind} with {@code settings} and returns the result. */
    static CheckResult run(CheckKind kind, Map<String, ?> settings, Frame current, Frame reference, Schema schema) {
        var check = kind.create(CheckConfig.of("test", settings), CheckSetup.named("test"));
        return check.run(new CheckContext(Dataset.of("current", current, schema),
                reference == null ? null : Dataset.of("reference", reference, schema)));
    }

    /** The measurements of {@code result} by id ({@code missing_share[age]}). */
    static Map<String, Double> values(CheckResult result) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Measurement m : result.measurements()) {
            out.put(m.id(), m.value());
        }
        return out;
    }
}
