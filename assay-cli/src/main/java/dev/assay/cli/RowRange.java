package dev.assay.cli;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code --rows} option: 0-based row indices and inclusive ranges, e.g. {@code 0-99} or {@code 5,7,10-20}. */
final class RowRange {

    private RowRange() {
    }

    /**
     * The rows {@code spec} names, in the order given.
     *
     * @param rows the number of rows in the data, for the range check
     * @throws InvalidInputException naming the part that is malformed, reversed, repeated or beyond the data
     */
    static int[] parse(String spec, int rows, String data) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            String[] ends = p.split("-", -1);
            if (ends.length > 2 || !ends[0].matches("\\d{1,9}") || ends.length == 2 && !ends[1].matches("\\d{1,9}")) {
                throw new InvalidInputException("Invalid --rows part '" + Excerpt.of(p) + "' in '" + Excerpt.of(spec) + "'. Give 0-based"
                        + " row numbers and ranges separated by commas, e.g. 0-99 or 5,7,10-20.");
            }
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (to < from) {
                throw new InvalidInputException("The --rows range '" + p + "' runs backwards; write it from the lower to the"
                        + " higher row, e.g. " + to + "-" + from + ".");
            }
            if (to >= rows) {
                throw new InvalidInputException("--rows '" + p + "' is beyond the data: " + data + " has " + rows + " rows, numbered"
                        + " 0 to " + (rows - 1) + ".");
            }
            for (int r = from; r <= to; r++) {
                if (!out.add(r)) {
                    throw new InvalidInputException("--rows names row " + r + " twice in '" + Excerpt.of(spec) + "'; name each row"
                            + " once.");
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
