package dev.assay.core.contract;

import java.util.List;

/**
 * What one expectation found: how many rows it checked, how many did not meet it, and whether the
 * share that did reaches {@code mostly}.
 *
 * @param id how conditions address it: {@code column:expectation}, e.g. {@code age:range}, or {@code rows:count}
 * @param column the column, or null for the row count
 * @param expectation the expectation's name, e.g. {@code range}
 * @param description what was expected, e.g. {@code "17 <= age <= 90"}
 * @param checked the rows checked (missing values are not checked, except by {@code not_null})
 * @param unexpected the rows that do not meet the expectation
 * @param mostly the share of checked rows that must meet it, in (0, 1]
 * @param samples a few failing rows with their values, e.g. {@code "row 6 (line 7): 120"}
 */
public record Outcome(String id, String column, String expectation, String description, long checked, long unexpected,
        double mostly, List<String> samples) {

    public Outcome {
        samples = List.copyOf(samples);
    }

    /** Unexpected rows / checked rows (Great Expectations' {@code unexpected_percent} / 100); NaN when none was checked. */
    public double unexpectedShare() {
        return checked == 0 ? Double.NaN : (double) unexpected / checked;
    }

    /** Whether the expectation holds: at least {@code mostly} of the checked rows meet it (true when none was checked). */
    public boolean passed() {
        return checked == 0 || (double) (checked - unexpected) / checked >= mostly;
    }
}
