package dev.assay.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * German-credit rows as a scored stream: the score is a fixed logistic rule of duration and credit amount
 * (a stand-in model, the same for the reference and the stream), the predicted class {@code bad} when the
 * score is at least 0.5, the label the data set's {@code class}.
 */
final class CreditStream {
    static final Path DIR = Path.of("../examples/german-credit");

    final List<String> header;
    final List<String[]> rows;

    private CreditStream(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static CreditStream read(String file, Predicate<CreditStream.Row> keep) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        List<String> header = List.of(lines.get(0).split(","));
        CreditStream all = new CreditStream(header, new ArrayList<>());
        lines.stream().skip(1).map(l -> l.split(",", -1)).filter(r -> keep.test(all.new Row(r))).forEach(all.rows::add);
        return all;
    }

    /** One row, read by column name. */
    final class Row {
        final String[] values;

        Row(String[] values) {
            this.values = values;
        }

        String get(String column) {
            return values[header.indexOf(column)];
        }

        double score() {
            double z = (Double.parseDouble(get("duration")) - 20) / 12 + (Double.parseDouble(get("credit_amount")) - 3000) / 4000;
            return 1 / (1 + Math.exp(-z));
        }

        String prediction() {
            return score() >= 0.5 ? "bad" : "good";
        }
    }

    Row row(int i) {
        return new Row(rows.get(i));
    }

    /** The rows as a reference CSV: the features, then score, prediction and label (the class). */
    String referenceCsv() {
        StringBuilder b = new StringBuilder(String.join(",", header.subList(0, header.size() - 1)) + ",score,prediction,label\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = row(i);
            List<String> v = new ArrayList<>(List.of(r.values).subList(0, header.size() - 1));
            v.add(String.format(Locale.ROOT, "%.6f", r.score()));
            v.add(r.prediction());
            v.add(r.get("class"));
            b.append(String.join(",", v)).append('\n');
        }
        return b.toString();
    }

    /** Rows {@code from} to {@code to} as a JSON array of predictions with ids {@code prefix + i}, at {@code day}. */
    String predictions(String prefix, String day, int from, int to) {
        return predictions(prefix, day, from, to, "v1");
    }

    /** The same for model version {@code version}. */
    String predictions(String prefix, String day, int from, int to, String version) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Row r = row(i);
            List<String> features = new ArrayList<>();
            for (int c = 0; c < header.size() - 1; c++) {
                String v = r.values[c];
                features.add("\"" + header.get(c) + "\": " + (v.matches("-?[0-9.]+") ? v : "\"" + v + "\""));
            }
            out.add(String.format(Locale.ROOT, "{\"id\": \"%s%d\", \"timestamp\": \"%sT%02d:%02d:00Z\", \"version\": \"%s\", "
                    + "\"features\": {%s}, \"prediction\": \"%s\", \"score\": %.6f}", prefix, i, day, i % 24, i % 60, version,
                    String.join(", ", features), r.prediction(), r.score()));
        }
        return out.stream().collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    /** Labels of rows {@code from} to {@code to}, ids {@code prefix + i}. */
    String labels(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("{\"id\": \"" + prefix + i + "\", \"label\": \"" + row(i).get("class") + "\"}");
        }
        return out.stream().collect(Collectors.joining(",", "[", "]"));
    }
}
