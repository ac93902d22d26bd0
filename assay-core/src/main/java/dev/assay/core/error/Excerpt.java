package dev.assay.core.error;

/**
 * Shortens a value quoted back in an error message, so that a 10 MB field or a huge option value
 * never floods the terminal: at most {@link #LIMIT} characters, control characters shown as
 * escapes, and the length of what was left out stated.
 */
public final class Excerpt {
    /** The longest excerpt, in characters, before the "(N more characters)" tail. */
    public static final int LIMIT = 60;

    private Excerpt() {
    }

    /** {@code value} as it may be quoted in a message; {@code "null"} for null. */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), LIMIT);
        StringBuilder sb = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (value.length() > LIMIT) {
            sb.append("... (").append(value.length() - LIMIT).append(" more characters)");
        }
        return sb.toString();
    }
}
