package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which row of the candidate's file ({@code --candidate-data}) holds each row of the baseline's file
 * ({@code --data}): the same row number, or with {@code --id} the row with the same id. Every id must
 * be present once in each file.
 */
final class RowAlignment {

    private RowAlignment() {
    }

    /**
     * {@code order[i]}, the candidate row matching row i of {@code data}.
     *
     * @param id the id column, or null to match rows by position
     * @throws InvalidInputException naming the file and the first offending row or id when the files
     *     differ in rows (without an id), an id is missing or repeated, or an id is on one side only
     */
    static int[] of(Path dataFile, Frame data, Path candidateFile, Frame candidate, String id) {
        if (id == null) {
            if (data.rowCount() != candidate.rowCount()) {
                throw new InvalidInputException(dataFile + " has " + data.rowCount() + " rows and " + candidateFile + " has "
                        + candidate.rowCount() + "; without --id the two files must hold the same rows in the same order."
                        + " Give --id COL to match rows by an id column present in both files.");
            }
            return IntStream.range(0, data.rowCount()).toArray();
        }
        Map<String, Integer> candidateRows = index(candidateFile, candidate, id);
        Map<String, Integer> dataRows = index(dataFile, data, id);
        Column ids = data.column(id, "id");
        int[] order = new int[data.rowCount()];
        for (int i = 0; i < order.length; i++) {
            Integer row = candidateRows.get(ids.format(i));
            if (row == null) {
                throw new InvalidInputException("Id '" + Excerpt.of(ids.format(i)) + "' of " + data.describeRow(i) + " of "
                        + dataFile + " is not in " + candidateFile + " (column '" + Excerpt.of(id) + "'). Both files must"
                        + " hold the same ids: score the row with both models or drop it.");
            }
            order[i] = row;
        }
        Column other = candidate.column(id, "id");
        for (int j = 0; j < candidate.rowCount(); j++) {
            if (!dataRows.containsKey(other.format(j))) {
                throw new InvalidInputException("Id '" + Excerpt.of(other.format(j)) + "' of " + candidate.describeRow(j) + " of "
                        + candidateFile + " is not in " + dataFile + " (column '" + Excerpt.of(id) + "'). Both files must"
                        + " hold the same ids: score the row with both models or drop it.");
            }
        }
        return order;
    }

    private static Map<String, Integer> index(Path file, Frame frame, String id) {
        Column ids = frame.column(id, "id");
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < frame.rowCount(); i++) {
            if (ids.isMissing(i)) {
                throw new InvalidInputException("The id column '" + Excerpt.of(id) + "' of " + file + " has no value in "
                        + frame.describeRow(i) + ". Every row needs an id to be matched.");
            }
            Integer first = rows.putIfAbsent(ids.format(i), i);
            if (first != null) {
                throw new InvalidInputException("Id '" + Excerpt.of(ids.format(i)) + "' appears twice in " + file + " (column '"
                        + Excerpt.of(id) + "'): in " + frame.describeRow(first) + " and " + frame.describeRow(i)
                        + ". Ids must be unique to match the rows of the two files.");
            }
        }
        return rows;
    }
}
