package dev.assay.core.contract;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * An expectation on every value of a column ({@code not_null}, {@code type}, {@code allowed},
 * {@code range}, {@code regex}, {@code length}, {@code unique}, {@code increasing}): counts the
 * checked rows that fail its {@link RowTest} and keeps the first few, with their values.
 */
final class ColumnExpectation implements Expectation {
    static final int SAMPLES = 5;

    private final String column;
    private final String name;
    private final String description;
    private final double mostly;
    private final RowTest test;

    ColumnExpectation(String column, String name, String description, double mostly, RowTest test) {
        this.column = column;
        this.name = name;
        this.description = description;
        this.mostly = mostly;
        this.test = test;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Outcome evaluate(Frame frame) {
        Column c = frame.column(column, "contract column");
        IntPredicate failing = test.failing(c);
        long checked = 0;
        long unexpected = 0;
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i) && !test.checksMissing()) {
                continue;
            }
            checked++;
            if (failing.test(i)) {
                unexpected++;
                if (samples.size() < SAMPLES) {
                    String v = c.format(i);
                    samples.add(frame.describeRow(i) + ": " + (v == null ? "(missing)" : "'" + Excerpt.of(v) + "'"));
                }
            }
        }
        return new Outcome(column + ":" + name, column, name, description, checked, unexpected, mostly, samples);
    }
}
