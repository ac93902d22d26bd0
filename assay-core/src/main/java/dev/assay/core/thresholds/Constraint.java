package dev.assay.core.thresholds;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound an operating point must meet, such as {@code recall >= 0.9} or {@code fpr <= 0.05}: a
 * {@link ThresholdMetric}, one of {@code >=, >, <=, <} and a number. An undefined value (NaN) never
 * meets it.
 */
public record Constraint(ThresholdMetric metric, String operator, double bound) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_]+)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*");

    public Constraint {
        if (!(operator.equals(">=") || operator.equals(">") || operator.equals("<=") || operator.equals("<"))) {
            throw new IllegalArgumentException("operator " + operator);
        }
    }

    /** Reads {@code "recall >= 0.9"}; an error naming the text and the expected form otherwise. */
    public static Constraint parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException("The constraint '" + Excerpt.of(text) + "' is not of the form 'metric >= number'"
                    + " (or >, <=, <), e.g. 'recall >= 0.9'.");
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The constraint '" + Excerpt.of(text) + "' ends in '" + Excerpt.of(m.group(3))
                    + "', which is not a number.");
        }
        return new Constraint(ThresholdMetric.parse(m.group(1), "the constraint's metric"), m.group(2), bound);
    }

    /** Whether {@code value} meets the bound. */
    public boolean holds(double value) {
        return switch (operator) {
            case ">=" -> value >= bound;
            case ">" -> value > bound;
            case "<=" -> value <= bound;
            default -> value < bound;
        };
    }

    /** Whether the bound asks for large values (so the best reachable value is the largest). */
    boolean wantsLarge() {
        return operator.startsWith(">");
    }

    @Override
    public String toString() {
        return metric.id() + " " + operator + " " + String.format(Locale.ROOT, "%s", bound);
    }
}
