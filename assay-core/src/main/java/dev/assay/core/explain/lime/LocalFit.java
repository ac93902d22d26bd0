package dev.assay.core.explain.lime;

import java.util.List;

/**
 * The local linear model LIME fitted around one row.
 *
 * @param row the 0-based index of the explained row
 * @param intercept the local model's intercept
 * @param score its weighted R^2 on the neighbourhood (lime's {@code score})
 * @param localPrediction its prediction for the row (lime's {@code local_pred})
 * @param modelOutput the model's output for the row
 * @param selected the features of the local model, in the order chosen
 */
public record LocalFit(int row, double intercept, double score, double localPrediction, double modelOutput, List<String> selected) {

    public LocalFit {
        selected = List.copyOf(selected);
    }
}
