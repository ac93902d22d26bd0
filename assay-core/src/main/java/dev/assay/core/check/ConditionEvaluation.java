package dev.assay.core.check;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.check.Subject.Every;
import dev.assay.core.check.Subject.Function;
import dev.assay.core.check.Subject.One;
import dev.assay.core.error.Suggestions;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates one {@link Condition} against what a check measured and words the outcome. A failure
 * reads, in one fixed shape:
 *
 * <pre>
 * Expecting recall on test.csv: measured 0.812 (95% CI 0.79–0.83, n=4210) to be at least 0.85
 * Expecting min(recall[*]) on test.csv: measured 0.741 (12 members) to be at least 0.8; worst: recall[region=EU] 0.741 (n=312)
 * </pre>
 *
 * and a condition that cannot be decided reads
 * {@code Expecting recall on test.csv to be at least 0.85, but recall is undefined: no positive rows.}
 */
final class ConditionEvaluation {
    /** How many measurement ids a message lists before "and N more". */
    private static final int LISTED = 10;

    private final Condition condition;
    private final List<Measurement> measured;
    private final String dataset;
    private final Comparison comparison;
    private final Threshold threshold;
    private double value = Double.NaN;
    private double limit = Double.NaN;

    ConditionEvaluation(Condition condition, List<Measurement> measured, String dataset) {
        this.condition = condition;
        this.measured = List.copyOf(measured);
        this.dataset = dataset;
        this.comparison = condition.criterion().comparison();
        this.threshold = condition.criterion().threshold();
    }

    ConditionOutcome outcome() {
        Subject s = condition.subject();
        String metric = s instanceof One one ? one.id() : s.name() + "[*]";
        String message;
        boolean passed = false;
        try {
            Verdict v = s instanceof One one ? one(one) : s instanceof Every every ? every(every) : aggregate((Aggregate) s);
            passed = v.passed;
            message = passed ? null : failure(v);
        } catch (Undecided u) {
            message = "Expecting " + s.text() + on() + " to be " + comparison.words() + " " + threshold.text() + ", but "
                    + u.getMessage() + ".";
        }
        return new ConditionOutcome(condition.text(), condition.severity(), metric, value, limit, passed, message);
    }

    private Verdict one(One s) {
        Measurement m = measured.stream().filter(x -> x.name().equals(s.name()) && Objects.equals(x.key(), s.key()))
                .findFirst().orElseThrow(() -> noSuch(s));
        value = read(m, s.bound());
        limit = limit(condition.criterion(), m);
        return new Verdict(comparison.test(value, limit), details(m), explain(m), null);
    }

    private Verdict every(Every s) {
        List<Measurement> members = members(s.name());
        Measurement worst = null;
        double worstMargin = Double.POSITIVE_INFINITY;
        int failing = 0;
        for (Measurement m : members) {
            double v = read(m, s.bound());
            double t = limit(condition.criterion(), m);
            failing += comparison.test(v, t) ? 0 : 1;
            if (worst == null || comparison.margin(v, t) < worstMargin) {
                worst = m;
                worstMargin = comparison.margin(v, t);
                value = v;
                limit = t;
            }
        }
        return new Verdict(failing == 0, failing + " of " + members.size() + " members fail", explain(worst), worst);
    }

    private Verdict aggregate(Aggregate s) {
        List<Measurement> members = members(s.name());
        double[] values = new double[members.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(members.get(i), s.bound());
        }
        if (s.function() == Function.COUNT) {
            return count(s, members, values);
        }
        value = combine(s.function(), values);
        String explain = null;
        if (threshold instanceof Threshold.Relative r) {
            double[] references = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                references[i] = reference(members.get(i));
            }
            double reference = combine(s.function(), references);
            limit = r.resolve(reference);
            explain = s.function().id() + " " + r.explain(reference);
        } else {
            limit = threshold.resolve(Double.NaN);
        }
        Measurement worst = null;
        double worstMargin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (worst == null || comparison.margin(values[i], limit) < worstMargin) {
                worst = members.get(i);
                worstMargin = comparison.margin(values[i], limit);
            }
        }
        return new Verdict(comparison.test(value, limit), members.size() + " members", explain, worst);
    }

    /** Counts the members that are not zero, or that meet the comparison inside; the worst is the one meeting it most. */
    private Verdict count(Aggregate s, List<Measurement> members, double[] values) {
        List<String> counted = new ArrayList<>();
        Measurement worst = null;
        double worstExcess = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            Criterion filter = s.filter();
            double t = filter == null ? 0 : limit(filter, members.get(i));
            boolean hit = filter == null ? values[i] != 0 : filter.comparison().test(values[i], t);
            double excess = filter == null ? Math.abs(values[i]) : filter.comparison().margin(values[i], t);
            if (hit) {
                counted.add(members.get(i).id());
                if (excess > worstExcess) {
                    worst = members.get(i);
                    worstExcess = excess;
                }
            }
        }
        value = counted.size();
        limit = threshold.resolve(Double.NaN);
        String details = "of " + members.size() + " members" + (counted.isEmpty() ? "" : ": " + list(counted));
        return new Verdict(comparison.test(value, limit), details, null, worst);
    }

    private static double combine(Function function, double[] values) {
        double out = function == Function.MIN ? Double.POSITIVE_INFINITY : function == Function.MAX ? Double.NEGATIVE_INFINITY : 0;
        for (double v : values) {
            out = switch (function) {
                case MIN -> Math.min(out, v);
                case MAX -> Math.max(out, v);
                default -> out + v;
            };
        }
        return function == Function.MEAN ? out / values.length : out;
    }

    /** The keyed members of a family; at least one. */
    private List<Measurement> members(String name) {
        List<Measurement> members = measured.stream().filter(m -> m.name().equals(name) && m.key() != null).toList();
        if (members.isEmpty()) {
            List<String> family = ids(name);
            throw new Undecided(family.isEmpty()
                    ? "the check measured no " + name + "; it measured " + list(ids(null))
                    : "the check measured " + name + " as one value, not per member, so " + name + "[*] selects nothing");
        }
        return members;
    }

    private Undecided noSuch(One s) {
        List<String> family = ids(s.name());
        if (family.isEmpty()) {
            return new Undecided("the check measured no " + s.name() + "; it measured " + list(ids(null)));
        }
        List<String> keys = measured.stream().filter(m -> m.name().equals(s.name()) && m.key() != null).map(Measurement::key).toList();
        List<String> close = s.key() == null ? List.of() : Suggestions.closest(s.key(), keys, 1);
        return new Undecided("the check measured no " + s.id() + "; it measured " + list(family)
                + (close.isEmpty() ? "" : " (did you mean " + s.name() + "[" + close.get(0) + "]?)"));
    }

    /** The ids measured, of the family {@code name} or of everything when null. */
    private List<String> ids(String name) {
        return measured.stream().filter(m -> name == null || m.name().equals(name)).map(Measurement::id).toList();
    }

    private double read(Measurement m, Bound bound) {
        if (bound == Bound.VALUE) {
            if (!m.defined()) {
                throw new Undecided(m.id() + " is undefined" + (m.note() == null ? "" : ": " + m.note()));
            }
            return m.value();
        }
        if (m.interval() == null) {
            throw new Undecided("the check computes no interval for " + m.id());
        }
        double b = bound == Bound.LOWER ? m.interval().lower() : m.interval().upper();
        if (Double.isNaN(b)) {
            throw new Undecided("the " + bound.name().toLowerCase(java.util.Locale.ROOT) + " bound of " + m.id() + " is undefined"
                    + (m.note() == null ? "" : ": " + m.note()));
        }
        return b;
    }

    private double limit(Criterion criterion, Measurement m) {
        return criterion.threshold().relative() ? criterion.threshold().resolve(reference(m)) : criterion.threshold().resolve(Double.NaN);
    }

    private static double reference(Measurement m) {
        if (m.reference() == null) {
            throw new Undecided("there is no value of " + m.id() + " on the reference data; add a reference data set to the suite "
                    + "(data.reference) that holds the columns " + m.name() + " needs");
        }
        if (m.reference().isNaN()) {
            throw new Undecided(m.id() + " is undefined on the reference data");
        }
        return m.reference();
    }

    /** How a relative threshold came about: {@code reference 0.8 - 0.02}; null for a fixed one. */
    private String explain(Measurement m) {
        return threshold instanceof Threshold.Relative r ? r.explain(m.reference()) : null;
    }

    private String failure(Verdict v) {
        String[] shown = Numbers.shownApart(value, limit);
        StringBuilder sb = new StringBuilder("Expecting ").append(condition.subject().text()).append(on()).append(": measured ")
                .append(shown[0]).append(" (").append(v.details).append(") to be ").append(comparison.words()).append(' ')
                .append(shown[1]);
        if (v.explain != null) {
            sb.append(" (").append(v.explain).append(')');
        }
        if (v.worst != null) {
            double worstValue = read(v.worst, condition.subject().bound());
            sb.append("; worst: ").append(v.worst.id()).append(' ').append(Numbers.shown(worstValue)).append(" (")
                    .append(details(v.worst)).append(')');
        }
        return sb.toString();
    }

    /** {@code 95% CI 0.79–0.83, n=4210}. */
    private static String details(Measurement m) {
        Interval i = m.interval();
        String interval = i == null ? "" : new BigDecimal(i.level() * 100).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString() + "% CI " + Numbers.shown(i.lower()) + "–" + Numbers.shown(i.upper()) + ", ";
        return interval + "n=" + m.n();
    }

    private String on() {
        return dataset == null || dataset.isBlank() ? "" : " on " + dataset;
    }

    /** {@code a, b, c and 4 more}, or {@code nothing}. */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "nothing";
        }
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }

    /**
     * What the evaluation found, beyond the value and threshold.
     *
     * @param details what the measured number is based on, shown in parentheses after it
     * @param explain how a relative threshold came about; null for a fixed one
     * @param worst the worst member, for a condition about many; null otherwise
     */
    private record Verdict(boolean passed, String details, String explain, Measurement worst) {
    }

    /** The condition cannot be decided; the message says why. */
    private static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecided(String reason) {
            super(reason, null, false, false);
        }
    }
}
