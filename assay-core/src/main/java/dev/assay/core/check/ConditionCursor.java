package dev.assay.core.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reading position in the text of a condition, for {@link ConditionParser}: it skips spaces,
 * looks at what comes next, pairs brackets, reads names, and gives the text with one span replaced
 * for a repair.
 */
final class ConditionCursor {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_@:-]*(?:\\.[0-9][A-Za-z0-9_@:-]*)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private int pos;

    ConditionCursor(String text) {
        this.text = text;
    }

    /** Whether {@code name} is a whole measurement name. */
    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Whether the brackets and parentheses in {@code s} pair up, none closing before it opens. */
    static boolean pairsUp(String s) {
        int depth = 1;
        for (int i = 0; i < s.length() && depth > 0; i++) {
            depth += opens(s.charAt(i)) ? 1 : closes(s.charAt(i)) ? -1 : 0;
        }
        return depth == 1;
    }

    int pos() {
        return pos;
    }

    void moveTo(int pos) {
        this.pos = pos;
    }

    /** Moves past the character here. */
    void advance() {
        pos++;
    }

    void skipSpaces() {
        while (!atEnd() && (Character.isWhitespace(text.charAt(pos)) || Character.isSpaceChar(text.charAt(pos)))) {
            pos++;
        }
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The character here, or {@code '\0'} at the end. */
    char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    /** A matcher of {@code pattern} over the rest of the text, from here. */
    Matcher rest(Pattern pattern) {
        return pattern.matcher(text).region(pos, text.length());
    }

    /** The word (letters, digits, underscores) starting here, or "" when none does. */
    String word() {
        Matcher m = rest(WORD);
        return m.lookingAt() ? m.group() : "";
    }

    /** Whether exactly {@code word} comes next (not a longer word starting with it). */
    boolean lookingAtWord(String word) {
        return word().equals(word);
    }

    /** The measurement name starting here, having moved past it, or null (not moving) when none does. */
    String name() {
        Matcher m = rest(NAME);
        if (!m.lookingAt()) {
            return null;
        }
        pos = m.end();
        return m.group();
    }

    /** The position of the bracket or parenthesis closing the one at {@code open}, or -1. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += opens(text.charAt(i)) ? 1 : closes(text.charAt(i)) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text with the span from {@code from} to {@code to} replaced by {@code with}. */
    String replace(int from, int to, String with) {
        return text.substring(0, from) + with + text.substring(to);
    }

    private static boolean opens(char c) {
        return c == '[' || c == '(';
    }

    private static boolean closes(char c) {
        return c == ']' || c == ')';
    }
}
