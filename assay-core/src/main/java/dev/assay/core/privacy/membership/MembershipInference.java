package dev.assay.core.privacy.membership;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassMapping;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A membership-inference test of a classifier: the model predicts its training rows (members) and held-out rows
 * (non-members), each row gets the membership score of every {@link MembershipSignal}, and {@link ThresholdAttack}
 * measures how well a threshold on the score tells the two apart. A model that generalises gives AUC near 0.5 and
 * advantage near 0; one that memorised its training rows does not.
 *
 * <p>Input rules, checked before the model runs: both files have the same columns, the label has at least two
 * classes, no label is missing, and the model gives class probabilities whose classes match the label.
 */
public final class MembershipInference {
    static final int BATCH = 2048;

    private final Model model;
    private final String label;

    /**
     * @param model a classifier with class probabilities
     * @param label the label column, present in both data sets
     */
    public MembershipInference(Model model, String label) {
        this.model = model;
        this.label = label;
    }

    /** The scores of both data sets under one signal each, then the attacks. */
    public List<AttackResult> run(Frame train, Frame test, List<MembershipSignal> signals, double[] fprTargets, double delta,
            double level, Progress progress) {
        sameColumns(train, test);
        String name = model.info().name();
        if (!model.info().capabilities().probabilities() || model.info().classes().isEmpty()) {
            throw new InvalidInputException("Model " + name + " gives no class probabilities; membership inference reads the"
                    + " probability of each class (the loss is −ln p(true class)). Use a classifier that outputs probabilities,"
                    + " e.g. an ONNX model with a probabilities output or a Tribuo classifier.");
        }
        Column trainLabel = train.column(label, "label");
        Column testLabel = test.column(label, "label");
        Set<String> values = new TreeSet<>();
        collect(train, trainLabel, values);
        collect(test, testLabel, values);
        if (values.size() < 2) {
            throw new InvalidInputException("Label column '" + Excerpt.of(label) + "' holds one class only (" + values + ") in "
                    + train.source() + " and " + test.source() + "; membership inference needs a classifier's label with at "
                    + "least two classes. Check the --label column.");
        }
        ClassPredictions trainPredictions = predict(train, progress, "training rows");
        ClassPredictions testPredictions = predict(test, progress, "held-out rows");
        List<String> classes = ClassMapping.toLabel(name, trainPredictions.classes(), trainLabel).classes();
        List<AttackResult> out = new ArrayList<>();
        for (MembershipSignal signal : signals) {
            double[] members = scores(signal, train, trainLabel, trainPredictions, classes);
            double[] nonMembers = scores(signal, test, testLabel, testPredictions, classes);
            out.add(ThresholdAttack.evaluate(signal, members, nonMembers, fprTargets, delta, level));
        }
        return out;
    }

    private void sameColumns(Frame train, Frame test) {
        Set<String> onlyTrain = new LinkedHashSet<>(train.columnNames());
        onlyTrain.removeAll(test.columnNames());
        Set<String> onlyTest = new LinkedHashSet<>(test.columnNames());
        onlyTest.removeAll(train.columnNames());
        if (!onlyTrain.isEmpty() || !onlyTest.isEmpty()) {
            throw new InvalidInputException("The training data " + train.source() + " and the held-out data " + test.source()
                    + " must have the same columns: only in the training data " + Excerpt.of(onlyTrain.toString())
                    + ", only in the held-out data " + Excerpt.of(onlyTest.toString()) + ". Export both from the same table.");
        }
        if (train.rowCount() == 0 || test.rowCount() == 0) {
            throw new InvalidInputException((train.rowCount() == 0 ? train.source() : test.source()) + " has no rows; "
                    + "membership inference compares training rows with held-out rows and needs both.");
        }
    }

    private static void collect(Frame frame, Column column, Set<String> values) {
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                throw new InvalidInputException(frame.source() + ", " + frame.describeRow(i) + ": label column '"
                        + Excerpt.of(column.name()) + "' is missing. Every attacked row needs its true class; fill or drop the row.");
            }
            values.add(column.format(i));
        }
    }

    private ClassPredictions predict(Frame frame, Progress progress, String what) {
        int batches = (frame.rowCount() + BATCH - 1) / BATCH;
        progress.begin("Predicting " + what, batches);
        List<Predictions> parts = new ArrayList<>();
        for (int from = 0; from < frame.rowCount(); from += BATCH) {
            int to = Math.min(frame.rowCount(), from + BATCH);
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            parts.add(model.predict(frame.slice(rows)));
            progress.advance(what);
        }
        progress.end();
        Predictions all = Predictions.concat(parts);
        if (!(all instanceof ClassPredictions) || ((ClassPredictions) all).probabilities() == null) {
            throw new InvalidInputException("Model " + model.info().name() + " returned no class probabilities for the "
                    + what + "; membership inference needs the probability of every class.");
        }
        if (all.rows() != frame.rowCount()) {
            throw new InvalidInputException("Model " + model.info().name() + " returned " + all.rows() + " predictions for "
                    + frame.rowCount() + " rows of " + frame.source() + ". A model must answer every row once, in order.");
        }
        return (ClassPredictions) all;
    }

    private static double[] scores(MembershipSignal signal, Frame frame, Column label, ClassPredictions p, List<String> classes) {
        int k = classes.size();
        double[] out = new double[p.rows()];
        for (int i = 0; i < out.length; i++) {
            int y = classes.indexOf(label.format(i));
            if (y < 0) {
                throw new InvalidInputException(frame.source() + ", " + frame.describeRow(i) + ": label '"
                        + Excerpt.of(label.format(i)) + "' is not one of the model's classes " + Excerpt.of(classes.toString())
                        + ". Attack a model trained on this label, or drop rows of classes it never saw.");
            }
            out[i] = signal.score(p.probabilities(), i * k, k, y);
        }
        return out;
    }
}
