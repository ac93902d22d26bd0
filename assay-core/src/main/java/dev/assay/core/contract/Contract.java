package dev.assay.core.contract;

import dev.assay.core.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * A data contract: named expectations about a table's columns and row count, in the spirit of Great
 * Expectations' expectation suites. Read from a contract file or a suite's {@code contract} check by
 * {@link ContractReader}.
 *
 * @param name the contract's name, for reports
 * @param expectations the expectations, in the order written
 */
public record Contract(String name, List<Expectation> expectations) {

    public Contract {
        expectations = List.copyOf(expectations);
    }

    /**
     * Evaluates every expectation on {@code frame}.
     *
     * @throws dev.assay.core.error.UnknownColumnException when an expectation names a column the frame lacks
     */
    public List<Outcome> evaluate(Frame frame) {
        for (Expectation e : expectations) {
            if (e.column() != null) {
                frame.column(e.column(), "contract column");
            }
        }
        List<Outcome> out = new ArrayList<>(expectations.size());
        for (Expectation e : expectations) {
            out.add(e.evaluate(frame));
        }
        return out;
    }
}
