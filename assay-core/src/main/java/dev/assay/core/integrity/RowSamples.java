package dev.assay.core.integrity;

import dev.assay.core.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * A few example rows for evidence tables, named as the user counts them: {@code "row 6 (line 7)"},
 * the line of the data file when the frame knows it ({@link Frame#describeRow}).
 */
public final class RowSamples {
    /** How many example rows evidence shows. */
    public static final int LIMIT = 5;

    private final Frame frame;
    private final List<Integer> rows = new ArrayList<>();

    public RowSamples(Frame frame) {
        this.frame = frame;
    }

    /** Keeps 0-based {@code row} if fewer than {@link #LIMIT} are kept. */
    public void offer(int row) {
        if (rows.size() < LIMIT) {
            rows.add(row);
        }
    }

    /** Whether no row was kept. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The kept rows as {@code "row 6 (line 7), row 9 (line 10)"}. */
    public String describe() {
        List<String> out = new ArrayList<>(rows.size());
        for (int r : rows) {
            out.add(frame.describeRow(r));
        }
        return String.join(", ", out);
    }

    /** The 0-based rows kept. */
    public List<Integer> rows() {
        return List.copyOf(rows);
    }
}
