package dev.assay.core.integrity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows grouped by equal {@link RowHashes}, groups in order of first appearance, rows ascending. */
final class RowGroups {
    private RowGroups() {
    }

    /** The groups of rows sharing a hash. */
    static List<int[]> of(long[] hashes) {
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            groups.computeIfAbsent(hashes[i], k -> new ArrayList<>(1)).add(i);
        }
        List<int[]> out = new ArrayList<>(groups.size());
        for (List<Integer> g : groups.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
