package dev.assay.core.check;

import java.util.Objects;

/**
 * A comparison with a threshold, the right-hand side of a condition ({@code >= 0.8},
 * {@code >= reference - 0.02}) and the test inside {@code count(psi[*] > 0.2)}.
 */
public record Criterion(Comparison comparison, Threshold threshold) {

    public Criterion {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(threshold, "threshold");
    }

    /** The canonical text, e.g. {@code >= reference - 0.02}. */
    public String text() {
        return comparison.symbol() + " " + threshold.text();
    }
}
