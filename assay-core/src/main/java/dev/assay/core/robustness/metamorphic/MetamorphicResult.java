package dev.assay.core.robustness.metamorphic;

import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.List;

/**
 * The outcome of a metamorphic test: {@code failures} of {@code tested} rows broke the expectation; fail rate
 * {@code failures / tested} with a Wilson interval (statsmodels {@code proportion_confint(method="wilson")}).
 *
 * @param test inv, dir or mft
 * @param description what was changed or checked
 * @param tested the rows the test applied to
 * @param failures the rows that broke the expectation
 * @param examples failing rows, up to the number asked for
 */
public record MetamorphicResult(String test, String description, long tested, long failures, List<Failure> examples) {

    public MetamorphicResult {
        examples = List.copyOf(examples);
    }

    /** A failing row. */
    public record Failure(String row, String change, String before, String after, double scoreBefore, double scoreAfter) {
    }

    /** {@code failures / tested}; NaN when nothing was tested. */
    public double failRate() {
        return tested == 0 ? Double.NaN : (double) failures / tested;
    }

    /** The Wilson interval of the fail rate at {@code level}. */
    public IntervalEstimate failRateInterval(double level) {
        return WilsonInterval.of(failures, tested, level);
    }
}
