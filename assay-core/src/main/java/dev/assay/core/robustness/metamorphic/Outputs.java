package dev.assay.core.robustness.metamorphic;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import java.util.List;

/**
 * A classifier's answers for a batch of rows: the predicted class of each row and the probability of any class.
 * A model without probabilities scores 1 for the predicted class and 0 for the others.
 */
public final class Outputs {
    private final ClassPredictions predictions;

    private Outputs(ClassPredictions predictions) {
        this.predictions = predictions;
    }

    /**
     * Predicts {@code rows} with {@code model} (one call).
     *
     * @throws InvalidInputException for a model that predicts numbers rather than classes
     */
    public static Outputs of(Model model, Frame rows) {
        Predictions p = model.predict(rows);
        if (!(p instanceof ClassPredictions c)) {
            throw new InvalidInputException("Model " + model.info().name() + " predicts numbers, not classes; this check "
                    + "measures classifiers.");
        }
        return new Outputs(c);
    }

    public List<String> classes() {
        return predictions.classes();
    }

    /** The predicted class of {@code row}. */
    public String predicted(int row) {
        return predictions.classes().get(predictions.predicted()[row]);
    }

    /** The probability of class {@code name} for {@code row}; NaN for a class the model does not have. */
    public double score(int row, String name) {
        int k = predictions.classes().indexOf(name);
        if (k < 0) {
            return Double.NaN;
        }
        if (predictions.probabilities() == null) {
            return predictions.predicted()[row] == k ? 1 : 0;
        }
        return predictions.probability(row, k);
    }
}
