package dev.assay.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Adult census rows of {@code examples/models/adult.csv} with the predictions of a fixed logistic
 * model of income over age, education years, hours and capital gain ({@code score}, and
 * {@code prediction} at 0.5), written {@code copies} times over to a CSV file.
 */
final class AdultData {
    static final Path ADULT = Path.of("..", "examples", "models", "adult.csv");

    private AdultData() {
    }

    /** Every Adult row (without the header) split into its fields. */
    static List<String[]> fields() {
        try {
            List<String> lines = Files.readAllLines(ADULT, StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows {@code from..to-1} of Adult, repeated {@code copies} times, with score and prediction. */
    static Path write(Path file, int from, int to, int copies) {
        try {
            List<String> lines = Files.readAllLines(ADULT, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(lines.get(0)).append(",score,prediction\n");
            List<String> rows = lines.subList(1 + from, 1 + Math.min(to, lines.size() - 1));
            StringBuilder body = new StringBuilder();
            for (String row : rows) {
                String[] f = row.split(",", -1);
                double z = -8.2 + 0.035 * Double.parseDouble(f[0]) + 0.33 * Double.parseDouble(f[4])
                        + 0.03 * Double.parseDouble(f[12]) + 0.0003 * Double.parseDouble(f[10]);
                double score = 1 / (1 + Math.exp(-z));
                String s = String.format(Locale.ROOT, "%.6f", score);
                body.append(row).append(',').append(s).append(',').append(Double.parseDouble(s) >= 0.5 ? ">50K" : "<=50K")
                        .append('\n');
            }
            for (int c = 0; c < copies; c++) {
                sb.append(body);
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
