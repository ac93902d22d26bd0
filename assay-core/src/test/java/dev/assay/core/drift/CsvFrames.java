package dev.assay.core.drift;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small CSV files of the repository (no quoted commas) as frames: a column is numeric when every value parses. */
public final class CsvFrames {
    private CsvFrames() {
    }

    /** The rows of {@code file} (relative to the repository root) that {@code keep} accepts, at most {@code head}. */
    public static Frame read(String file, Predicate<String[]> keep, List<String> header, int head) {
        try {
            List<String> lines = Files.readAllLines(Path.of("..").resolve(file));
            header.clear();
            header.addAll(List.of(lines.get(0).split(",", -1)));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] r = line.split(",", -1);
                if (keep.test(r) && rows.size() < head) {
                    rows.add(r);
                }
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                int col = c;
                String[] values = rows.stream().map(r -> r[col]).toArray(String[]::new);
                double[] numbers = new double[values.length];
                boolean numeric = true;
                for (int i = 0; i < values.length && numeric; i++) {
                    try {
                        numbers[i] = values[i].isEmpty() ? Double.NaN : Double.parseDouble(values[i]);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
                columns.add(numeric ? NumericColumn.wrap(header.get(c), numbers) : CategoricalColumn.of(header.get(c), values));
            }
            return Frame.of(file, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
