package dev.assay.core.explain.lime;

import dev.assay.core.explain.Explanation;
import java.util.List;

/**
 * LIME's explanations of some rows with each row's local fit.
 *
 * @param explanation per row: base the local intercept, output the local prediction, values the local
 *     coefficients (0 for features not selected)
 * @param fits the local fit of each row, in row order
 */
public record LimeExplanation(Explanation explanation, List<LocalFit> fits) {

    public LimeExplanation {
        fits = List.copyOf(fits);
    }

    /** The mean weighted R^2 of the local fits (NaN without rows). */
    public double meanScore() {
        return fits.stream().mapToDouble(LocalFit::score).average().orElse(Double.NaN);
    }
}
