package dev.assay.core.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column name as context words, and Presidio's context enhancement: a match of a recognizer one of whose context
 * words is among the words scores {@code min(1, max(score + 0.35, 0.4))} (Presidio's
 * {@code LemmaContextAwareEnhancer} defaults: similarity factor 0.35, minimum score with context 0.4).
 * Words are the name split at non-letters and lower-to-upper case changes, lower-cased ({@code customerEmail},
 * {@code customer_email} give customer, email); a context word also matches a word it starts ({@code phone} in
 * {@code phones}). Dates count as personal data only in columns named like dates of birth ({@link #birth}).
 */
final class ColumnContext {
    static final double FACTOR = 0.35;
    static final double MIN_WITH_CONTEXT = 0.4;
    private static final List<String> BIRTH = List.of("birth", "birthday", "birthdate", "dob", "born");

    private final List<String> words;

    private ColumnContext(List<String> words) {
        this.words = words;
    }

    /** The context of the column named {@code name}. */
    static ColumnContext of(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetter(c) || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1)));
            if (boundary && w.length() > 0) {
                words.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
            if (Character.isLetter(c)) {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            words.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return new ColumnContext(List.copyOf(words));
    }

    /** Whether any of {@code context} is one of the words. */
    boolean mentions(List<String> context) {
        for (String c : context) {
            String word = c.trim();
            for (String w : words) {
                if (w.startsWith(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the column is named like a date of birth. */
    boolean birth() {
        return mentions(BIRTH);
    }

    /** The score after context enhancement. */
    static double enhance(double score) {
        return Math.min(1.0, Math.max(score + FACTOR, MIN_WITH_CONTEXT));
    }
}
