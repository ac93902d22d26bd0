package dev.assay.core.robustness;

import dev.assay.core.error.InvalidInputException;

/**
 * The closed range {@code [lower, upper]} a numeric column's values must stay in; either end may be
 * infinite. Written {@code "17..90"}, {@code "[17, 90]"} or {@code "0.."} (no upper bound).
 *
 * @param lower the smallest allowed value
 * @param upper the largest allowed value
 */
public record Bounds(double lower, double upper) {

    public Bounds {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("bounds need lower <= upper, got " + lower + ", " + upper);
        }
    }

    /** {@code value} moved to the nearest end when outside; NaN stays NaN. */
    public double clip(double value) {
        return Double.isNaN(value) ? value : Math.max(lower, Math.min(upper, value));
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * Reads {@code "17..90"}, {@code "[17, 90]"}, {@code "..90"} or {@code "0.."}.
     *
     * @throws InvalidInputException naming the text and the forms allowed
     */
    public static Bounds parse(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).replace(",", "..");
        }
        int dots = t.indexOf("..");
        try {
            if (dots < 0) {
                throw new NumberFormatException();
            }
            String lo = t.substring(0, dots).trim();
            String hi = t.substring(dots + 2).trim();
            double lower = lo.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(lo);
            double upper = hi.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(hi);
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
                throw new NumberFormatException();
            }
            return new Bounds(lower, upper);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Bounds '" + text + "' are not a range: write lower..upper with lower <= upper, "
                    + "e.g. 17..90, [17, 90], or 0.. for no upper bound.");
        }
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
