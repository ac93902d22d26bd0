package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;

/** The number explained for each row of a batch: a regressor's value or a classifier's class probability. */
@FunctionalInterface
public interface ModelOutput {

    /** One output per row of {@code rows}, in row order. */
    double[] apply(Frame rows);

    /**
     * A regressor's predicted value, or a classifier's probability of class {@code positiveClass} as
     * the model names it (null: its last class, the positive one of a binary model).
     *
     * @throws InvalidInputException if the classifier has no such class or gives no probabilities
     */
    static ModelOutput of(Model model, String positiveClass) {
        String name = model.info().name();
        return rows -> {
            Predictions p = model.predict(rows);
            if (p.rows() != rows.rowCount()) {
                throw new InvalidInputException("Model " + name + " returned " + p.rows() + " predictions for " + rows.rowCount()
                        + " rows. A model must answer every row once, in order.");
            }
            if (p instanceof ValuePredictions v) {
                return v.values();
            }
            ClassPredictions c = (ClassPredictions) p;
            if (c.probabilities() == null) {
                throw new InvalidInputException("Model " + name + " gives classes without probabilities; explaining a classifier"
                        + " needs the probability of a class.");
            }
            int k = positiveClass == null ? c.classes().size() - 1 : c.classes().indexOf(positiveClass);
            if (k < 0) {
                throw new InvalidInputException("Model " + name + " has no class '" + Excerpt.of(positiveClass) + "' (its classes: "
                        + c.classes() + "); name the class to explain as the model does.");
            }
            double[] out = new double[c.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.probability(i, k);
            }
            return out;
        };
    }
}
