package dev.assay.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A column name that the data does not have; the message lists the closest existing names. */
public final class UnknownColumnException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String column;

    /**
     * @param column the name asked for
     * @param role what the column was wanted for, e.g. {@code "label"}; may be null
     * @param source the data source it was looked up in, e.g. a file name; may be null
     * @param available the columns the data does have
     */
    public UnknownColumnException(String column, String role, String source, Collection<String> available) {
        super(message(column, role, source, available));
        this.column = column;
    }

    /** The name that was asked for. */
    public String column() {
        return column;
    }

    private static String message(String column, String role, String source, Collection<String> available) {
        StringBuilder sb = new StringBuilder("Unknown column '").append(column).append('\'');
        if (role != null) {
            sb.append(" (given as ").append(role).append(')');
        }
        if (source != null) {
            sb.append(" in ").append(source);
        }
        sb.append(". ");
        List<String> close = closest(column, available);
        if (!close.isEmpty()) {
            sb.append("Did you mean ").append(String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())).append("? ");
        }
        sb.append("Available columns: ").append(String.join(", ", available)).append('.');
        return sb.toString();
    }

    private static List<String> closest(String name, Collection<String> available) {
        String lower = name.toLowerCase(Locale.ROOT);
        return available.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3)
                        || c.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(c.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))))
                .limit(3)
                .toList();
    }

    /** Levenshtein distance, small strings only. */
    static int distance(String a, String b) {
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
