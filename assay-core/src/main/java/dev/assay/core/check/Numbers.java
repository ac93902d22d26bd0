package dev.assay.core.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How conditions write numbers: exactly in their text, to four significant digits in messages. */
final class Numbers {
    private Numbers() {
    }

    /**
     * The shortest text that reads back as {@code v}: {@code 0.8}, {@code 40}, {@code 0.001},
     * {@code 1e-7}, {@code 1.5e+20}.
     */
    static String exact(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-6 && abs < 1e15 ? d.toPlainString() : d.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code v} to four significant digits: {@code 0.8121}, {@code 4210}, {@code 1.5e-7}; "undefined" for NaN. */
    static String shown(double v) {
        return shown(v, 4);
    }

    /**
     * {@code a} and {@code b} to four significant digits, or to as many more as it takes to tell them
     * apart, so that a message never says "measured 0.85 to be above 0.85".
     */
    static String[] shownApart(double a, double b) {
        for (int digits = 4; digits < 17; digits++) {
            String sa = shown(a, digits);
            String sb = shown(b, digits);
            if (!sa.equals(sb) || a == b) {
                return new String[] {sa, sb};
            }
        }
        return new String[] {exact(a), exact(b)};
    }

    private static String shown(double v, int digits) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        return exact(new BigDecimal(v).round(new MathContext(digits)).doubleValue());
    }
}
