package dev.assay.core.check;

import java.util.Locale;
import java.util.Objects;

/**
 * What a condition is about, the left-hand side: one measurement ({@code recall},
 * {@code recall[sex=female].lower}), every member of a family ({@code recall[*]}) or an aggregate
 * over them ({@code max(psi[*])}, {@code count(psi[*] > 0.2)}).
 */
public sealed interface Subject permits Subject.One, Subject.Every, Subject.Aggregate {

    /** The measurement name (the family) the subject reads, e.g. {@code recall}. */
    String name();

    /** Which number of each measurement it reads. */
    Bound bound();

    /** The canonical text, e.g. {@code min(recall[*].lower)}. */
    String text();

    /**
     * One measurement: the plain value ({@code key} null) or one member of the family.
     *
     * @param name the measurement name
     * @param key the member, e.g. {@code sex=female}; null for the plain value
     * @param bound the value or a bound of its interval
     */
    record One(String name, String key, Bound bound) implements Subject {
        public One {
            ConditionParser.requireName(name);
            if (key != null) {
                ConditionParser.requireKey(key);
            }
            Objects.requireNonNull(bound, "bound");
        }

        /** The id of the measurement read: {@code recall} or {@code recall[sex=female]}. */
        public String id() {
            return key == null ? name : name + "[" + key + "]";
        }

        @Override
        public String text() {
            return id() + bound.suffix();
        }
    }

    /**
     * Every keyed member of the family, {@code recall[*]}: the condition holds when it holds for each.
     *
     * @param name the measurement name
     * @param bound the value or a bound of each member's interval
     */
    record Every(String name, Bound bound) implements Subject {
        public Every {
            ConditionParser.requireName(name);
            Objects.requireNonNull(bound, "bound");
        }

        @Override
        public String text() {
            return name + "[*]" + bound.suffix();
        }
    }

    /**
     * An aggregate over every keyed member of the family.
     *
     * @param function how the members' numbers are combined
     * @param name the measurement name
     * @param bound the value or a bound of each member's interval
     * @param filter for {@link Function#COUNT} only: the test a member must meet to be counted; null
     *     to count the members whose number is not zero
     */
    record Aggregate(Function function, String name, Bound bound, Criterion filter) implements Subject {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            ConditionParser.requireName(name);
            Objects.requireNonNull(bound, "bound");
            if (filter != null && function != Function.COUNT) {
                throw new IllegalArgumentException("only count takes a comparison, not " + function.id());
            }
        }

        @Override
        public String text() {
            return function.id() + "(" + name + "[*]" + bound.suffix() + (filter == null ? "" : " " + filter.text()) + ")";
        }
    }

    /** The functions that aggregate members. */
    enum Function {
        /** The smallest number. */
        MIN,
        /** The largest number. */
        MAX,
        /** The arithmetic mean of the numbers. */
        MEAN,
        /** How many members are not zero, or meet the comparison inside. */
        COUNT;

        /** How it is written: {@code min}, {@code max}, {@code mean}, {@code count}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
