package dev.assay.core.contract;

import dev.assay.core.data.Frame;

/** One expectation of a data contract, about a column or the whole table. */
public interface Expectation {

    /** The column it is about, or null for the table. */
    String column();

    /** Its name in contract files, e.g. {@code range}. */
    String name();

    /** What it expects, for people, e.g. {@code "17 <= age <= 90"}. */
    String describe();

    /**
     * Evaluates it on {@code frame}.
     *
     * @throws dev.assay.core.error.UnknownColumnException when the column is not in the frame
     */
    Outcome evaluate(Frame frame);
}
