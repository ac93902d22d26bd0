package dev.assay.core.text;

import java.util.regex.Pattern;

/**
 * The {@code 13a} tokenisation of mteval-v13a.pl as sacreBLEU applies it ({@code tokenizer_13a.py} and
 * {@code tokenizer_re.py}): unescapes the four XML entities, separates punctuation and symbols, separates
 * periods and commas unless between digits, splits a dash after a digit, and collapses white space.
 */
public final class Tokenizer13a {
    private static final Pattern SYMBOLS = Pattern.compile("([\\{-~\\[-` -&\\(-\\+:-@/])");
    private static final Pattern PERIOD_AFTER = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_BEFORE = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DIGIT_DASH = Pattern.compile("([0-9])(-)");
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Tokenizer13a() {
    }

    /** The tokens of {@code line}, separated by single spaces. */
    public static String tokenize(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        s = " " + s + " ";
        s = SYMBOLS.matcher(s).replaceAll(" $1 ");
        s = PERIOD_AFTER.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_BEFORE.matcher(s).replaceAll(" $1 $2");
        s = DIGIT_DASH.matcher(s).replaceAll("$1 $2 ");
        return SPACE.matcher(s.strip()).replaceAll(" ");
    }

    /** The tokens of an already tokenised line: split on white space. */
    static String[] split(String tokenized) {
        String s = tokenized.strip();
        return s.isEmpty() ? new String[0] : SPACE.split(s);
    }
}
