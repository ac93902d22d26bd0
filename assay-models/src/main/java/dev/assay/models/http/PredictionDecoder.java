package dev.assay.models.http;

import dev.assay.core.error.Excerpt;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the outputs found in one answer into predictions of the model's task, whatever the wire
 * format: values of a regressor; class probabilities and/or labels of a classifier. Every output
 * must have one entry per row of the request. A binary model's probability output may hold one
 * number per row, the probability of the second class (scikit-learn's {@code predict_proba[:, 1]}).
 * Probabilities must lie in [0, 1] (NaN is a missing value): scores or logits are refused. A label
 * is matched to the class names; one that is no class name but a whole number from 0 to k-1 is the
 * class at that index (servers that answer with class indices). Without a label the most probable
 * class is predicted.
 */
final class PredictionDecoder {
    /** How far a probability may stray outside [0, 1] by float rounding. */
    private static final double ROUNDING = 1e-5;

    private final ModelInfo info;
    private final Map<String, Integer> classIndex = new HashMap<>();

    PredictionDecoder(ModelInfo info) {
        this.info = info;
        for (int i = 0; i < info.classes().size(); i++) {
            classIndex.put(info.classes().get(i), i);
        }
    }

    /**
     * The predictions of rows {@code firstRow} to {@code firstRow + rows - 1} (0-based).
     *
     * @param label the label output, or null
     * @param probabilities the probability output, or null
     * @param values the value output of a regressor, or null
     * @param malformed turns a description of what is wrong into the exception to throw
     */
    Predictions decode(Tensor label, Tensor probabilities, Tensor values, int firstRow, int rows,
            Function<String, RuntimeException> malformed) {
        if (info.task() == Task.REGRESSION) {
            checkRows(values, rows, malformed);
            if (values.width() != 1) {
                throw malformed.apply("the value output '" + values.name() + "' has shape " + values.shapeText()
                        + " instead of one value per row");
            }
            return new ValuePredictions(values.numbers(malformed));
        }
        double[] p = probabilities == null ? null : probabilities(probabilities, firstRow, rows, malformed);
        if (label == null) {
            return ClassPredictions.mostProbable(info.classes(), p);
        }
        checkRows(label, rows, malformed);
        if (label.width() != 1) {
            throw malformed.apply("the label output '" + label.name() + "' has shape " + label.shapeText()
                    + " instead of one label per row");
        }
        String[] labels = label.texts(malformed);
        int[] predicted = new int[rows];
        for (int r = 0; r < rows; r++) {
            predicted[r] = classOf(labels[r], firstRow + r, malformed);
        }
        return new ClassPredictions(info.classes(), predicted, p);
    }

    private double[] probabilities(Tensor t, int firstRow, int rows, Function<String, RuntimeException> malformed) {
        checkRows(t, rows, malformed);
        int k = info.classes().size();
        double[] p;
        if (k == 2 && t.width() == 1) {
            double[] second = t.numbers(malformed);
            p = new double[2 * rows];
            for (int r = 0; r < rows; r++) {
                p[2 * r] = 1 - second[r];
                p[2 * r + 1] = second[r];
            }
        } else if (t.width() != k) {
            throw malformed.apply("the probability output '" + t.name() + "' has shape " + t.shapeText() + ", but the model has "
                    + k + " classes " + info.classes());
        } else {
            p = t.numbers(malformed);
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] < -ROUNDING || p[i] > 1 + ROUNDING || Double.isInfinite(p[i])) {
                throw malformed.apply("row " + (firstRow + i / k + 1) + " has the probability " + p[i] + " for class '"
                        + info.classes().get(i % k) + "' in output '" + t.name() + "'; probabilities lie between 0 and 1. If the "
                        + "output holds scores or logits, point the probability output at the probabilities");
            }
        }
        return p;
    }

    private int classOf(String label, int row, Function<String, RuntimeException> malformed) {
        Integer c = label == null ? null : classIndex.get(label);
        if (c == null && label != null && label.matches("\\d{1,9}") && Integer.parseInt(label) < info.classes().size()) {
            c = Integer.parseInt(label);
        }
        if (c == null) {
            throw malformed.apply("row " + (row + 1) + " has the label " + (label == null ? "null" : "'" + Excerpt.of(label) + "'")
                    + ", which is not one of the classes " + shown(info.classes()) + " nor a class index from 0 to "
                    + (info.classes().size() - 1));
        }
        return c;
    }

    private void checkRows(Tensor t, int rows, Function<String, RuntimeException> malformed) {
        if (t.rows() != rows) {
            throw malformed.apply("it holds " + t.rows() + " rows in output '" + t.name() + "', expected " + rows
                    + "; the server must answer every row of a request once, in order");
        }
    }

    private static String shown(List<String> classes) {
        return Excerpt.of(classes.toString());
    }
}
