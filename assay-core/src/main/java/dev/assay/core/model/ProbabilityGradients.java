package dev.assay.core.model;

import dev.assay.core.data.Frame;
import java.util.List;

/**
 * A capability a {@link Model} may also have: the exact gradient of a class probability with respect to its numeric
 * inputs, for a batch of rows. Attacks use it instead of finite differences when {@link #hasProbabilityGradients()}.
 */
public interface ProbabilityGradients {

    /** Whether this model gives exact probability gradients (e.g. a logistic regression does, a forest does not). */
    boolean hasProbabilityGradients();

    /**
     * @param rows the rows, as the model reads them
     * @param modelClass the class, as the model names it
     * @param columns numeric input columns; a column the model does not read has gradient 0
     * @return {@code [column][row]}: the partial derivative of {@code P(modelClass | row)} with respect to each column
     */
    double[][] probabilityGradients(Frame rows, String modelClass, List<String> columns);
}
