package dev.assay.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt names (columns, keys, metric ids). */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * Up to {@code limit} candidates close to {@code name}, closest first: within an edit distance of
     * max(2, length / 3), or containing it, or contained in it, ignoring case.
     */
    public static List<String> closest(String name, Collection<String> candidates, int limit) {
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> {
                    String lc = c.toLowerCase(Locale.ROOT);
                    return distance(lower, lc) <= Math.max(2, name.length() / 3) || lc.contains(lower) || lower.contains(lc);
                })
                .sorted(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))))
                .limit(limit)
                .toList();
    }

    /** Levenshtein edit distance between two short strings. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
