package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.util.Locale;

/**
 * The one shape of every assertion failure:
 * {@code Expecting recall on test.csv: measured 0.812 (95% CI 0.790-0.830, n=4210) to be at least 0.85; worst
 * group: region=EU 0.741 (n=312)}.
 */
final class FailureMessage {
    private FailureMessage() {
    }

    /**
     * The message.
     *
     * @param what what was measured, e.g. {@code recall} or {@code recall.lower}
     * @param data the data's name
     * @param where the slice; null for all rows
     * @param measured the value compared (the point value or an interval bound)
     * @param m the measurement, for its interval and row count
     * @param expectation e.g. {@code at least 0.85}
     * @param groups the groups behind the value, e.g. {@code worst group: sex=Female 0.610 (n=120)}; null when no
     *     group was measured
     */
    static String of(String what, String data, RowFilter where, double measured, Measurement m, String expectation,
            String groups) {
        StringBuilder sb = new StringBuilder("Expecting ").append(what).append(" on ").append(data);
        if (where != null) {
            sb.append(" where ").append(where.describe());
        }
        sb.append(": measured ").append(number(measured));
        if (Double.isNaN(measured) && m.note() != null) {
            sb.append(", undefined: ").append(m.note());
        }
        sb.append(" (");
        Interval ci = m.interval();
        if (ci != null) {
            sb.append(String.format(Locale.ROOT, "%.0f%% CI %s-%s, ", ci.level() * 100, number(ci.lower()), number(ci.upper())));
        }
        sb.append("n=").append(m.n()).append(") to be ").append(expectation);
        if (groups != null) {
            sb.append("; ").append(groups);
        }
        return sb.toString();
    }

    /** A value with three decimals, {@code NaN} for an undefined one. */
    static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** A group's value: {@code sex=Female 0.610 (n=120)}. */
    static String group(Measurement m) {
        return m.key() + " " + number(m.value()) + " (n=" + m.n() + ")";
    }
}
