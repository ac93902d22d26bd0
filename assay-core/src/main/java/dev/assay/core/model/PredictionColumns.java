package dev.assay.core.model;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.DatasetInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a model's predictions to a data set as ordinary columns, so that every check reads them
 * the way it reads stored predictions: {@value #PREDICTION} (the predicted class or value) and, for
 * classifiers with probabilities, {@value #PROBABILITY_PREFIX}{@code <class>} per class. The
 * schema's prediction and class-probability roles point at the new columns. A classifier's classes
 * are first matched to the values of the label column, if the data has one
 * ({@link ClassMapping#toLabel}): class indices become label values, with a note.
 */
public final class PredictionColumns {
    /** The column of predicted classes or values. */
    public static final String PREDICTION = "model_prediction";
    /** The prefix of the per-class probability columns. */
    public static final String PROBABILITY_PREFIX = "model_proba_";

    private PredictionColumns() {
    }

    /**
     * The data set with the predictions added, and the notes on how they were read.
     *
     * @throws InvalidInputException if the predictions do not have one row per data row, a
     *     classifier's classes do not match the label values, or the data already has a column of
     *     the same name
     */
    public static PredictedDataset attach(Dataset data, Predictions predictions, String model) {
        Frame frame = data.frame();
        if (predictions.rows() != frame.rowCount()) {
            throw new InvalidInputException("Model " + model + " returned " + predictions.rows() + " predictions for the "
                    + frame.rowCount() + " rows of " + data.info().location() + ". A model must answer every row once, in order.");
        }
        List<String> notes = new ArrayList<>();
        String label = data.schema().label();
        if (predictions instanceof ClassPredictions c && label != null && frame.has(label)) {
            ClassMapping mapping = ClassMapping.toLabel(model, c.classes(), frame.column(label));
            predictions = mapping.apply(c);
            if (mapping.note() != null) {
                notes.add(mapping.note());
            }
        }
        Schema.Builder schema = data.schema().toBuilder().prediction(PREDICTION);
        if (predictions instanceof ClassPredictions c) {
            String[] labels = new String[c.rows()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = c.classes().get(c.predicted()[i]);
            }
            frame = add(frame, CategoricalColumn.of(PREDICTION, labels), model);
            if (c.probabilities() != null) {
                for (int k = 0; k < c.classes().size(); k++) {
                    double[] p = new double[c.rows()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = c.probability(i, k);
                    }
                    String name = PROBABILITY_PREFIX + c.classes().get(k);
                    frame = add(frame, NumericColumn.wrap(name, p), model);
                    schema.classProbability(c.classes().get(k), name);
                }
            }
        } else {
            frame = add(frame, NumericColumn.wrap(PREDICTION, ((ValuePredictions) predictions).values().clone()), model);
        }
        DatasetInfo info = data.info();
        return new PredictedDataset(new Dataset(frame, schema.build(), new DatasetInfo(info.role(), info.location(),
                frame.rowCount(), frame.columnCount(), info.fingerprint())), notes);
    }

    private static Frame add(Frame frame, Column column, String model) {
        if (frame.has(column.name())) {
            throw new InvalidInputException("The data already has a column '" + column.name() + "', where the predictions of model "
                    + model + " would go. Rename that column.");
        }
        return frame.withColumn(column);
    }
}
