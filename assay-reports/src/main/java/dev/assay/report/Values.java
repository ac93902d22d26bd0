package dev.assay.report;

import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the human-readable reports print numbers, intervals, durations and times. */
final class Values {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Values() {
    }

    /**
     * A number with at most four significant digits: {@code 0.7123}, {@code 4210}, {@code 1.5e-05};
     * {@code "undefined"} for NaN.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e9) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A nullable reference value, or an empty string. */
    static String reference(Double v) {
        return v == null ? "" : number(v);
    }

    /** {@code "95% CI 0.69–0.73 (wilson)"}, or an empty string without an interval. */
    static String interval(Interval interval) {
        if (interval == null) {
            return "";
        }
        return percent(interval.level()) + " CI " + number(interval.lower()) + "–" + number(interval.upper())
                + (interval.method() == null || interval.method().isEmpty() ? "" : " (" + interval.method() + ")");
    }

    /** The bounds alone: {@code "0.69–0.73"}. */
    static String bounds(Interval interval) {
        return interval == null ? "" : number(interval.lower()) + "–" + number(interval.upper());
    }

    /** {@code "95%"}. */
    static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code "recall[sex=female] = 0.7123 (95% CI 0.69–0.73 (wilson), n = 4210)"}. */
    static String measurement(Measurement m) {
        StringBuilder sb = new StringBuilder(m.id()).append(" = ").append(number(m.value()));
        StringBuilder details = new StringBuilder();
        if (m.interval() != null) {
            details.append(interval(m.interval()));
        }
        if (m.reference() != null) {
            details.append(details.length() > 0 ? ", " : "").append("reference ").append(number(m.reference()));
        }
        details.append(details.length() > 0 ? ", " : "").append("n = ").append(m.n());
        sb.append(" (").append(details).append(')');
        if (m.note() != null && !m.note().isEmpty()) {
            sb.append(" — ").append(m.note());
        }
        return sb.toString();
    }

    /** The sentence explaining a condition outcome: its own message, or the measured value against the threshold. */
    static String conditionSummary(ConditionOutcome c) {
        if (c.message() != null && !c.message().isEmpty()) {
            return c.message();
        }
        return c.condition() + ": measured " + number(c.measured()) + ", threshold " + number(c.threshold());
    }

    /** {@code "1.234 s"} or {@code "12 ms"}. */
    static String duration(Duration d) {
        double seconds = seconds(d);
        if (seconds < 1) {
            return number(Math.round(seconds * 1000.0)) + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** The duration in seconds with millisecond resolution. */
    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** {@code "2026-11-28 12:50:16 UTC"}, or {@code "unknown time"}. */
    static String when(Instant instant) {
        return instant == null ? "unknown time" : WHEN.format(instant);
    }

    /** The upper-case status word: {@code PASS}, {@code FAIL}... */
    static String word(Status status) {
        return status.name();
    }

    /** {@code "5 checks: 1 failed, 1 errored, 1 warned, 1 passed, 1 skipped"}, leaving out zero counts. */
    static String counts(java.util.Map<Status, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder().append(total).append(total == 1 ? " check" : " checks");
        String sep = ": ";
        for (Status s : new Status[] {Status.FAIL, Status.ERROR, Status.WARN, Status.PASS, Status.SKIPPED}) {
            int n = counts.get(s);
            if (n > 0) {
                sb.append(sep).append(n).append(' ').append(pastTense(s));
                sep = ", ";
            }
        }
        return sb.toString();
    }

    /** {@code "failed"}, {@code "errored"}, {@code "warned"}, {@code "passed"}, {@code "skipped"}. */
    static String pastTense(Status s) {
        return switch (s) {
            case PASS -> "passed";
            case SKIPPED -> "skipped";
            case WARN -> "warned";
            case FAIL -> "failed";
            case ERROR -> "errored";
        };
    }
}
