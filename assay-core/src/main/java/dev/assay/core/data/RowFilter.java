package dev.assay.core.data;

import dev.assay.core.error.InvalidInputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Selects the rows of a frame that pass a {@link ColumnTest} on each of some columns (AND): given
 * values ({@code sex = Female}), a numeric range ({@code age < 25}, {@code age in [25, 40)}) or the
 * missing values ({@code workclass is missing}). Built with {@link #parse}, {@link #builder()} or
 * {@link #values}.
 *
 * @param tests column name to what it must pass, in the order given
 */
public record RowFilter(Map<String, ColumnTest> tests) implements Serializable {

    public RowFilter {
        if (tests.isEmpty()) {
            throw new InvalidInputException("a filter needs at least one column.");
        }
        tests.forEach((k, v) -> Objects.requireNonNull(v, k));
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    /** The rows whose columns hold one of the given values (compared as text). */
    public static RowFilter values(Map<String, ? extends Set<String>> values) {
        Builder b = builder();
        values.forEach((column, accepted) -> b.where(column, new ValueSet(accepted)));
        return b.build();
    }

    /**
     * A filter from text as a suite's {@code where} writes it: column to its values, or to one
     * comparison, interval or {@code is missing} (see {@link ColumnTest#parse}).
     *
     * @throws InvalidInputException naming the column for text that does not parse
     */
    public static RowFilter parse(Map<String, List<String>> where) {
        Builder b = builder();
        where.forEach((column, texts) -> {
            try {
                b.where(column, ColumnTest.parse(texts));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("column '" + column + "': " + e.getMessage(), e);
            }
        });
        return b.build();
    }

    /** A builder: {@code RowFilter.builder().where("sex", "Female").where("age", NumericRange.below(25)).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The row numbers (0-based, ascending) of {@code frame} that match. */
    public int[] rows(Frame frame) {
        String source = frame.source() == null ? "the data" : frame.source();
        List<IntPredicate> matchers = new ArrayList<>();
        tests.forEach((name, test) -> matchers.add(test.matcher(frame.column(name, "filter"), source)));
        int[] out = new int[frame.rowCount()];
        int n = 0;
        rows:
        for (int i = 0; i < frame.rowCount(); i++) {
            for (IntPredicate m : matchers) {
                if (!m.test(i)) {
                    continue rows;
                }
            }
            out[n++] = i;
        }
        if (n == 0) {
            throw noRowMatches(source);
        }
        return Arrays.copyOf(out, n);
    }

    /** The error of a filter that matches no row of {@code source} (the name of the data in messages). */
    public InvalidInputException noRowMatches(String source) {
        return new InvalidInputException("No row of " + source + " matches " + describe() + ". Check the values and ranges "
                + "against the data (values are compared as text).");
    }

    /** A readable description, e.g. {@code sex = Female, age in [25, 40), region in (EU, UK)}. */
    public String describe() {
        return tests.entrySet().stream().map(e -> e.getValue().describe(e.getKey())).collect(Collectors.joining(", "));
    }

    /** Collects a filter column by column. */
    public static final class Builder {
        private final Map<String, ColumnTest> tests = new LinkedHashMap<>();

        private Builder() {
        }

        /** Keeps the rows whose {@code column} passes {@code test} (replacing an earlier test of that column). */
        public Builder where(String column, ColumnTest test) {
            tests.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(test, "test"));
            return this;
        }

        /** Keeps the rows whose {@code column} holds one of {@code values}. */
        public Builder where(String column, String... values) {
            return where(column, new ValueSet(List.of(values)));
        }

        /** Keeps the rows whose {@code column} is missing. */
        public Builder missing(String column) {
            return where(column, MissingValues.INSTANCE);
        }

        /** The filter. */
        public RowFilter build() {
            return new RowFilter(tests);
        }
    }
}
