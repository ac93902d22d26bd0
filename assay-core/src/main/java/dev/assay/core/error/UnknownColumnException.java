package dev.assay.core.error;

import java.util.Collection;
import java.util.List;

/** A column name that the data does not have; the message lists the closest existing names. */
public final class UnknownColumnException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** The most column names a message lists. */
    private static final int LISTED = 40;

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
        StringBuilder sb = new StringBuilder("Unknown column '").append(Excerpt.of(column)).append('\'');
        if (role != null) {
            sb.append(" (given as ").append(role).append(')');
        }
        if (source != null) {
            sb.append(" in ").append(source);
        }
        sb.append(". ");
        List<String> close = Suggestions.closest(column, available, 3);
        if (!close.isEmpty()) {
            sb.append("Did you mean ").append(String.join(" or ", close.stream().map(c -> "'" + Excerpt.of(c) + "'").toList()))
                    .append("? ");
        }
        List<String> shown = available.stream().limit(LISTED).map(Excerpt::of).toList();
        sb.append("Available columns: ").append(String.join(", ", shown))
                .append(available.size() > LISTED ? " and " + (available.size() - LISTED) + " more" : "").append('.');
        return sb.toString();
    }
}
