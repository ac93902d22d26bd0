package dev.assay.bench;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.TextColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV file without quoted fields as a frame of text columns (empty cells missing), for benchmarks on text. */
final class TextCsv {
    private TextCsv() {
    }

    static Frame read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        String[][] cols = new String[header.length][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            for (int j = 0; j < header.length; j++) {
                cols[j][i - 1] = cells[j].isEmpty() ? null : cells[j];
            }
        }
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            out.add(TextColumn.wrap(header[j], cols[j]));
        }
        return Frame.of(file.getFileName().toString(), out);
    }
}
