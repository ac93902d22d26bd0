package dev.assay.core.result;

import java.util.List;
import java.util.Objects;

/**
 * One named value a check measured, e.g. {@code recall = 0.81} on 4210 rows, or one member of a
 * family of values measured per group, column or class, e.g. {@code recall[sex=female]} or
 * {@code psi[age]}.
 *
 * @param name the metric or statistic id, e.g. {@code "recall"}
 * @param key the member within the family, e.g. {@code "sex=female"}, {@code "age"} or
 *     {@code "class=setosa"}; null for a plain value. Not blank and not {@code "*"}, which
 *     conditions use for every member
 * @param value the value; {@code NaN} when undefined, with {@code note} saying why
 * @param interval the confidence interval; null when not computed
 * @param reference the same statistic on the reference data set; null when there is none
 * @param n the number of rows (or events) the value is based on
 * @param note why the value is undefined, or a caveat; null when there is nothing to say
 * @param warnings conditions met while computing, e.g. a zero division that was replaced by 0
 */
public record Measurement(String name, String key, double value, Interval interval, Double reference, long n,
        String note, List<String> warnings) {

    public Measurement {
        Objects.requireNonNull(name, "name");
        if (key != null && (key.isBlank() || key.equals("*"))) {
            throw new IllegalArgumentException("the key of a " + name + " measurement must name a member, got '" + key + "'");
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A plain value (no key). */
    public Measurement(String name, double value, Interval interval, Double reference, long n, String note,
            List<String> warnings) {
        this(name, null, value, interval, reference, n, note, warnings);
    }

    /** A plain value with no interval, reference or note. */
    public static Measurement of(String name, double value, long n) {
        return of(name, null, value, n);
    }

    /** A member of a family ({@code key} null for a plain value) with no interval, reference or note. */
    public static Measurement of(String name, String key, double value, long n) {
        return new Measurement(name, key, value, null, null, n, null, List.of());
    }

    /** How conditions and reports address this value: {@code name}, or {@code name[key]} for a member. */
    public String id() {
        return key == null ? name : name + "[" + key + "]";
    }

    /** Whether the value is defined. */
    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** The same measurement with the value on the reference data set attached. */
    public Measurement withReference(double referenceValue) {
        return new Measurement(name, key, value, interval, referenceValue, n, note, warnings);
    }
}
