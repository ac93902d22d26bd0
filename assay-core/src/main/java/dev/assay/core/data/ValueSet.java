package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.Collection;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The rows whose column holds one of the given values, compared as text, so {@code 1} matches the
 * number 1.0. Missing values never match.
 *
 * @param values the accepted values, as text
 */
public record ValueSet(Set<String> values) implements ColumnTest {

    public ValueSet {
        if (values.isEmpty()) {
            throw new InvalidInputException("no value is given; give the value(s) to keep.");
        }
        values = Set.copyOf(values);
    }

    /** The values of {@code values}, duplicates dropped. */
    public ValueSet(Collection<String> values) {
        this(Set.copyOf(values));
    }

    @Override
    public IntPredicate matcher(Column column, String source) {
        return row -> {
            String v = column.format(row);
            return v != null && values.contains(v);
        };
    }

    @Override
    public String describe(String column) {
        return values.size() == 1 ? Excerpt.of(column) + " = " + Excerpt.of(values.iterator().next())
                : Excerpt.of(column) + " in (" + values.stream().sorted().map(Excerpt::of).collect(Collectors.joining(", ")) + ")";
    }
}
