package dev.assay.core.data;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one spelling of a number in a text data file: an optional sign, digits with an optional
 * decimal point and exponent ({@code 0.5}, {@code -2}, {@code .5}, {@code 1e-3}), or {@code NaN},
 * {@code Inf}, {@code Infinity} in any case; spaces and tabs around it are allowed. Hexadecimal
 * ({@code 0x1p-1}), digit separators ({@code 1_000}, {@code 1,5}) and suffixes ({@code 1d}) are not
 * numbers.
 */
public final class NumberText {
    /** The whole-value regular expression, written so that Java and DuckDB (RE2) read it alike. */
    public static final String REGEX =
            "[ \\t]*([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(?i:inf|infinity)|(?i:nan))[ \\t]*";

    /** How a number is written, for messages. */
    public static final String EXAMPLES = "0.5, -2, 1e-3, NaN or Inf";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private NumberText() {
    }

    /** Whether {@code text} is a number in this spelling. */
    public static boolean isNumber(String text) {
        return PATTERN.matcher(text).matches();
    }

    /**
     * The value of {@code text}; {@code NaN} for {@code NaN}.
     *
     * @throws NumberFormatException if {@link #isNumber} is false
     */
    public static double parse(String text) {
        if (!isNumber(text)) {
            throw new NumberFormatException("not a number: " + text);
        }
        String v = text.strip();
        char last = Character.toLowerCase(v.charAt(v.length() - 1));
        if (last == 'f' || last == 'y') {
            return v.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
    }

    /** A number as plain text that reads back to the same double: 28, 37.5, 0.001, 1.0E-9. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isFinite(v) && Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
