package dev.assay.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Predicted values of a regressor.
 *
 * @param values one value per row
 */
public record ValuePredictions(double[] values) implements Predictions {

    public ValuePredictions {
        Objects.requireNonNull(values, "values");
    }

    @Override
    public int rows() {
        return values.length;
    }

    static ValuePredictions concat(List<ValuePredictions> parts) {
        double[] values = new double[parts.stream().mapToInt(ValuePredictions::rows).sum()];
        int at = 0;
        for (ValuePredictions p : parts) {
            System.arraycopy(p.values(), 0, values, at, p.rows());
            at += p.rows();
        }
        return new ValuePredictions(values);
    }
}
