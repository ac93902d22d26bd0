package dev.assay.core.robustness.attack;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassMapping;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ProbabilityGradients;
import java.util.List;

/**
 * A binary classifier seen as the probability of its positive class, counting the predict calls and the rows
 * scored. A row is predicted positive when that probability is at least the threshold. A model without
 * probabilities scores 1 for the positive class and 0 otherwise (finite differences then see no slope). A model that
 * gives exact {@link ProbabilityGradients} also answers gradient calls, counted apart.
 */
public final class ScoreOracle {
    private final Model model;
    private final Column label;
    private final String positive;
    private final double threshold;
    private long calls;
    private long rowsScored;
    private long gradientCalls;
    private String positiveModelClass;

    /**
     * @param positive the positive class as the label writes it
     * @param threshold the decision threshold on the positive-class probability
     */
    public ScoreOracle(Model model, Column label, String positive, double threshold) {
        this.model = model;
        this.label = label;
        this.positive = positive;
        this.threshold = threshold;
    }

    /** The positive-class probability of every row of {@code batch} (one predict call). */
    public double[] scores(Frame batch) {
        calls++;
        rowsScored += batch.rowCount();
        String name = model.info().name();
        Predictions p = model.predict(batch);
        if (!(p instanceof ClassPredictions c)) {
            throw new InvalidInputException("Model " + name + " predicts numbers, not classes; adversarial attacks measure "
                    + "classifiers.");
        }
        if (c.rows() != batch.rowCount()) {
            throw new InvalidInputException("Model " + name + " returned " + c.rows() + " predictions for " + batch.rowCount()
                    + " rows. A model must answer every row once, in order.");
        }
        ClassPredictions m = (ClassPredictions) ClassMapping.toLabel(name, c.classes(), label).apply(c);
        if (m.classes().size() != 2) {
            throw new InvalidInputException("Model " + name + " has " + m.classes().size() + " classes; adversarial attacks "
                    + "measure binary classifiers.");
        }
        int k = m.classes().indexOf(positive);
        if (k < 0) {
            throw new InvalidInputException("Model " + name + " has no class '" + Excerpt.of(positive) + "' (its classes: "
                    + m.classes() + "); name the positive class as the label does.");
        }
        positiveModelClass = c.classes().get(k);
        double[] out = new double[m.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.probabilities() != null ? m.probability(i, k) : m.predicted()[i] == k ? 1 : 0;
        }
        return out;
    }

    /** Whether the model gives exact gradients of its probabilities. */
    public boolean hasGradients() {
        return model instanceof ProbabilityGradients g && g.hasProbabilityGradients() && model.info().capabilities().probabilities();
    }

    /**
     * The gradient of the positive-class probability with respect to {@code columns} for every row of {@code batch},
     * {@code [column][row]} (one gradient call; {@link #scores} must have been called once before).
     */
    public double[][] gradients(Frame batch, List<String> columns) {
        if (positiveModelClass == null) {
            throw new IllegalStateException("scores() names the positive class before gradients() can be asked");
        }
        gradientCalls++;
        rowsScored += batch.rowCount();
        return ((ProbabilityGradients) model).probabilityGradients(batch, positiveModelClass, columns);
    }

    /** {@code "analytic"} for a model with exact gradients, else {@code "finite differences"}. */
    public String gradientSource() {
        return hasGradients() ? "analytic" : "finite differences";
    }

    /** Gradient calls so far (each over a batch of rows, counted in {@link #rowsScored()}). */
    public long gradientCalls() {
        return gradientCalls;
    }

    /** Whether a score means the positive class. */
    public boolean positive(double score) {
        return score >= threshold;
    }

    public String positiveClass() {
        return positive;
    }

    /** Predict calls so far. */
    public long calls() {
        return calls;
    }

    /** Rows scored so far, over all calls. */
    public long rowsScored() {
        return rowsScored;
    }
}
