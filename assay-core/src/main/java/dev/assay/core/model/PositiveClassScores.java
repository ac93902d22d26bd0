package dev.assay.core.model;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;

/**
 * A binary classifier's probability of the positive class for every row: the model predicts the rows,
 * its classes are matched to the label's values ({@link ClassMapping#toLabel}, class indices read as the
 * sorted label values) and the probability of the class named {@code positive} is returned.
 */
public final class PositiveClassScores {

    private PositiveClassScores() {
    }

    /**
     * @param model the classifier
     * @param features the rows to score (extra columns are ignored)
     * @param label the label column the model's classes are matched to
     * @param positive the label value of the positive class
     * @throws InvalidInputException if the model is not a classifier with probabilities, its classes do
     *     not match the label, or it answers a different number of rows
     */
    public static double[] of(Model model, Frame features, Column label, String positive) {
        String name = model.info().name();
        Predictions predictions = model.predict(features);
        if (!(predictions instanceof ClassPredictions)) {
            throw new InvalidInputException("Model " + name + " predicts numbers, not classes; comparing classifiers needs a"
                    + " model that gives class probabilities.");
        }
        ClassPredictions c = (ClassPredictions) ClassMapping.toLabel(name, ((ClassPredictions) predictions).classes(), label)
                .apply(predictions);
        if (c.rows() != features.rowCount()) {
            throw new InvalidInputException("Model " + name + " returned " + c.rows() + " predictions for " + features.rowCount()
                    + " rows. A model must answer every row once, in order.");
        }
        if (c.probabilities() == null) {
            throw new InvalidInputException("Model " + name + " gives classes without probabilities; comparing classifiers"
                    + " needs the probability of the positive class.");
        }
        int k = c.classes().indexOf(positive);
        if (k < 0) {
            throw new InvalidInputException("Model " + name + " has no class '" + Excerpt.of(positive) + "' (its classes: "
                    + c.classes() + "); name the positive class as the model does.");
        }
        double[] out = new double[c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.probability(i, k);
        }
        return out;
    }
}
