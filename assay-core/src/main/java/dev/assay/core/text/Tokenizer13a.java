package dev.assay.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code 13a} tokenisation of mteval-v13a.pl as sacreBLEU applies it ({@code tokenizer_13a.py} and
 * {@code tokenizer_re.py}): unescapes the four XML entities, then applies sacreBLEU's four substitutions in
 * order: spaces around the symbols {@code {|}~[\]^_`!"#$%&()*+:;<=>?@/}, a space between a non-digit and
 * a following period or comma, a space between a period or comma and a following non-digit, a space after
 * a digit followed by a dash; and splits on white space ({@code str.split()}). Each substitution is a
 * left-to-right scan with the semantics of {@code re.sub} (non-overlapping two-character matches), which
 * is several times faster than the regular expressions.
 */
public final class Tokenizer13a {
    private Tokenizer13a() {
    }

    /** The tokens of {@code line}, separated by single spaces. */
    public static String tokenize(String line) {
        return String.join(" ", tokens(line));
    }

    /** The tokens of {@code line}. */
    public static String[] tokens(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        StringBuilder a = new StringBuilder(s.length() * 2 + 2);
        a.append(' ');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSymbol(c)) {
                a.append(' ').append(c).append(' ');
            } else {
                a.append(c);
            }
        }
        a.append(' ');
        StringBuilder b = new StringBuilder(a.length() + 16);
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (i + 1 < a.length() && !isDigit(c) && isPeriodOrComma(a.charAt(i + 1))) {
                b.append(c).append(' ').append(a.charAt(i + 1)).append(' ');
                i++;
            } else {
                b.append(c);
            }
        }
        StringBuilder d = new StringBuilder(b.length() + 16);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (i + 1 < b.length() && isPeriodOrComma(c) && !isDigit(b.charAt(i + 1))) {
                d.append(' ').append(c).append(' ').append(b.charAt(i + 1));
                i++;
            } else {
                d.append(c);
            }
        }
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '-' && i > 0 && isDigit(d.charAt(i - 1))) {
                if (start >= 0) {
                    out.add(d.substring(start, i));
                }
                start = -1;
                out.add("-");
            } else if (isSpace(c)) {
                if (start >= 0) {
                    out.add(d.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(d.substring(start));
        }
        return out.toArray(new String[0]);
    }

    /** The white-space separated words of {@code text}, as Python's {@code str.split()}. */
    static String[] split(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out.toArray(new String[0]);
    }

    private static boolean isSymbol(char c) {
        return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') || (c >= '(' && c <= '+')
                || (c >= ':' && c <= '@') || c == '/';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPeriodOrComma(char c) {
        return c == '.' || c == ',';
    }

    /** Python's str.isspace for one character. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
