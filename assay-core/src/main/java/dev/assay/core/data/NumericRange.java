package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows whose numeric column lies in a range: a comparison ({@code < 25}, {@code >= 25}) or an
 * interval in bracket notation ({@code [25, 40)}, {@code (28, 37]}: a bracket includes its edge, a
 * parenthesis excludes it), the notation a quantile slice prints. Missing values never match.
 *
 * @param lower the lower edge, {@code -Infinity} for none
 * @param lowerClosed whether the lower edge itself is in the range
 * @param upper the upper edge, {@code +Infinity} for none
 * @param upperClosed whether the upper edge itself is in the range
 */
public record NumericRange(double lower, boolean lowerClosed, double upper, boolean upperClosed) implements ColumnTest {
    private static final String NUMBER = "([^,\\s\\[\\]()]+)";
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|≤|≥)\\s*" + NUMBER);
    private static final Pattern INTERVAL = Pattern.compile("([\\[(])\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*([\\])])");
    private static final String FORMS = "write a comparison such as '< 25' or '>= 25', or an interval such as '[25, 40)' "
            + "(a bracket includes its edge, a parenthesis excludes it; quote it in YAML)";

    /**
     * @throws InvalidInputException for a NaN edge or a range that holds no number
     */
    public NumericRange {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new InvalidInputException("a range edge cannot be NaN; " + FORMS + ".");
        }
        if (lower > upper || lower == upper && !(lowerClosed && upperClosed)) {
            throw new InvalidInputException("the range " + interval(lower, lowerClosed, upper, upperClosed)
                    + " holds no number: " + (lower > upper ? "its lower edge " + NumberText.format(lower)
                    + " is above its upper edge " + NumberText.format(upper) + "; write the lower edge first."
                    : "both edges are " + NumberText.format(lower) + "; close both sides, [" + NumberText.format(lower) + ", "
                    + NumberText.format(lower) + "], to keep that one value."));
        }
    }

    /** {@code x < value}. */
    public static NumericRange below(double value) {
        return new NumericRange(Double.NEGATIVE_INFINITY, false, value, false);
    }

    /** {@code x >= value}. */
    public static NumericRange atLeast(double value) {
        return new NumericRange(value, true, Double.POSITIVE_INFINITY, false);
    }

    /** Whether {@code text} is written as a comparison or an interval (and so must parse as one). */
    static boolean looksLikeRange(String text) {
        return !text.isEmpty() && "<>≤≥[(".indexOf(text.charAt(0)) >= 0;
    }

    /**
     * Reads {@code < 25}, {@code <= 25}, {@code > 25}, {@code >= 25} or an interval such as {@code [25, 40)}.
     *
     * @throws InvalidInputException naming the text and the accepted forms
     */
    public static NumericRange parse(String text) {
        String t = text.strip();
        Matcher c = COMPARISON.matcher(t);
        if (c.matches()) {
            double v = edge(t, c.group(2));
            return switch (c.group(1)) {
                case "<" -> new NumericRange(Double.NEGATIVE_INFINITY, false, v, false);
                case "<=", "≤" -> new NumericRange(Double.NEGATIVE_INFINITY, false, v, true);
                case ">" -> new NumericRange(v, false, Double.POSITIVE_INFINITY, false);
                default -> new NumericRange(v, true, Double.POSITIVE_INFINITY, false);
            };
        }
        Matcher i = INTERVAL.matcher(t);
        if (i.matches()) {
            return new NumericRange(edge(t, i.group(2)), i.group(1).equals("["), edge(t, i.group(3)), i.group(4).equals("]"));
        }
        throw new InvalidInputException("cannot read '" + Excerpt.of(t) + "' as a range: " + FORMS + ".");
    }

    private static double edge(String text, String edge) {
        if (!NumberText.isNumber(edge)) {
            throw new InvalidInputException("cannot read '" + Excerpt.of(text) + "' as a range: '" + Excerpt.of(edge)
                    + "' is not a number (" + NumberText.EXAMPLES + "); " + FORMS + ".");
        }
        return NumberText.parse(edge);
    }

    /** Whether {@code x} lies in the range (never for NaN). */
    public boolean contains(double x) {
        return (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper);
    }

    @Override
    public IntPredicate matcher(Column column, String source) {
        if (!(column instanceof NumericColumn n)) {
            throw new InvalidInputException("column '" + Excerpt.of(column.name()) + "' of " + source + " does not hold numbers, so '"
                    + describe(column.name()) + "' cannot be tested; give the value(s) to keep instead, e.g. {"
                    + Excerpt.of(column.name()) + ": " + Excerpt.of(firstValue(column)) + "}.");
        }
        return row -> contains(n.get(row));
    }

    private static String firstValue(Column column) {
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                return column.format(i);
            }
        }
        return "value";
    }

    @Override
    public String describe(String column) {
        String c = Excerpt.of(column);
        if (lower == Double.NEGATIVE_INFINITY && upper != Double.POSITIVE_INFINITY) {
            return c + (upperClosed ? " <= " : " < ") + NumberText.format(upper);
        }
        if (upper == Double.POSITIVE_INFINITY && lower != Double.NEGATIVE_INFINITY) {
            return c + (lowerClosed ? " >= " : " > ") + NumberText.format(lower);
        }
        return c + " in " + interval(lower, lowerClosed, upper, upperClosed);
    }

    private static String interval(double lower, boolean lowerClosed, double upper, boolean upperClosed) {
        return (lowerClosed ? "[" : "(") + NumberText.format(lower) + ", " + NumberText.format(upper) + (upperClosed ? "]" : ")");
    }
}
