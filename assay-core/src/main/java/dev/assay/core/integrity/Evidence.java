package dev.assay.core.integrity;

import dev.assay.core.data.Frame;
import dev.assay.core.result.EvidenceTable;
import java.util.ArrayList;
import java.util.List;

/** Evidence tables shared by the integrity kinds. */
final class Evidence {
    /** How many groups or values a table lists. */
    static final int MAX_ROWS = 10;

    private Evidence() {
    }

    /** The first {@link #MAX_ROWS} groups of rows, each with its size and sample rows. */
    static EvidenceTable groups(String title, Frame frame, List<int[]> groups) {
        List<List<Object>> rows = new ArrayList<>();
        for (int[] g : groups.subList(0, Math.min(MAX_ROWS, groups.size()))) {
            RowSamples s = new RowSamples(frame);
            for (int r : g) {
                s.offer(r);
            }
            rows.add(List.of(g.length, s.describe()));
        }
        return new EvidenceTable(title, List.of("rows", "sample rows"), rows);
    }
}
