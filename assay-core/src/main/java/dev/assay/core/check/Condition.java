package dev.assay.core.check;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a measured value: {@code recall >= 0.80}, {@code log_loss < 0.5}, or relative to
 * the same value on the reference data set: {@code f1 >= reference - 0.02},
 * {@code roc_auc >= reference * 0.98}.
 *
 * <p>Grammar: {@code NAME OP THRESHOLD}, where {@code OP} is one of {@code >= > <= < == !=} and
 * {@code THRESHOLD} is a number, or {@code reference}, optionally followed by {@code + x},
 * {@code - x} or {@code * x}. An undefined measured value never satisfies a condition.
 *
 * @param metric the measured name
 * @param operator the comparison
 * @param threshold the number compared against, or the amount added to or multiplied with the
 *     reference value
 * @param relativeTo how the threshold relates to the reference value
 * @param severity what a failure means
 * @param text the condition as written
 */
public record Condition(String metric, Operator operator, double threshold, Relative relativeTo, Severity severity,
        String text) {

    private static final Pattern SYNTAX = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_.:-]*)\\s*(>=|<=|==|!=|>|<)\\s*(?:(reference)\\s*(?:([-+*])\\s*([^\\s]+))?|([^\\s]+))\\s*$");

    /** Comparison operators. */
    public enum Operator {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("=="), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(double measured, double threshold) {
            return switch (this) {
                case GE -> measured >= threshold;
                case GT -> measured > threshold;
                case LE -> measured <= threshold;
                case LT -> measured < threshold;
                case EQ -> measured == threshold;
                case NE -> measured != threshold;
            };
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** How a threshold relates to the reference value. */
    public enum Relative {
        /** The threshold is the number itself. */
        NONE,
        /** The threshold is {@code reference + threshold} (a minus sign is folded into the number). */
        PLUS,
        /** The threshold is {@code reference * threshold}. */
        TIMES
    }

    public Condition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(relativeTo, "relativeTo");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses a condition.
     *
     * @throws InvalidInputException with the grammar and an example when the text does not parse
     */
    public static Condition parse(String text, Severity severity) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidInputException("Cannot read the condition '" + text + "'. Write it as NAME OP THRESHOLD, "
                    + "where OP is one of >= > <= < == != and THRESHOLD is a number or 'reference', "
                    + "optionally with + x, - x or * x; for example 'recall >= 0.8' or 'f1 >= reference - 0.02'.");
        }
        String metric = m.group(1);
        Operator op = Operator.of(m.group(2));
        String canonical;
        if (m.group(3) != null) {
            if (m.group(4) == null) {
                canonical = metric + " " + op.symbol() + " reference";
                return new Condition(metric, op, 0, Relative.PLUS, severity, canonical);
            }
            double amount = number(m.group(5), text);
            canonical = metric + " " + op.symbol() + " reference " + m.group(4) + " " + m.group(5);
            return switch (m.group(4)) {
                case "+" -> new Condition(metric, op, amount, Relative.PLUS, severity, canonical);
                case "-" -> new Condition(metric, op, -amount, Relative.PLUS, severity, canonical);
                default -> new Condition(metric, op, amount, Relative.TIMES, severity, canonical);
            };
        }
        double value = number(m.group(6), text);
        canonical = metric + " " + op.symbol() + " " + m.group(6);
        return new Condition(metric, op, value, Relative.NONE, severity, canonical);
    }

    private static double number(String s, String text) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The condition '" + text + "' compares with '" + s
                    + "', which is not a finite number. Write a number such as 0.8 or 1e-3.");
        }
    }

    /** Whether the condition needs the value on the reference data set. */
    public boolean needsReference() {
        return relativeTo != Relative.NONE;
    }

    /** Evaluates this condition against {@code m}, which must be the measurement named {@link #metric()}. */
    public ConditionOutcome evaluate(Measurement m) {
        double limit = threshold;
        if (needsReference()) {
            if (m.reference() == null || Double.isNaN(m.reference())) {
                return new ConditionOutcome(text, severity, metric, m.value(), Double.NaN, false,
                        "'" + text + "' compares with the reference data set, but " + metric
                                + " has no value there. Add a reference data set to the suite (data.reference)"
                                + " that holds the columns " + metric + " needs.");
            }
            limit = relativeTo == Relative.PLUS ? m.reference() + threshold : m.reference() * threshold;
        }
        if (!m.defined()) {
            return new ConditionOutcome(text, severity, metric, m.value(), limit, false,
                    metric + " is undefined" + (m.note() == null ? "" : ": " + m.note()) + ", so '" + text + "' cannot hold.");
        }
        boolean ok = operator.test(m.value(), limit);
        String msg = ok ? null : String.format(Locale.ROOT, "%s is %s, expected %s %s", metric, fmt(m.value()),
                operator.symbol(), fmt(limit) + (needsReference() ? " (reference " + fmt(m.reference()) + ")" : ""));
        return new ConditionOutcome(text, severity, metric, m.value(), limit, ok, msg);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public String toString() {
        return text;
    }
}
