package dev.assay.core.monitor;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.CsvFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * Adult (examples/models/adult.csv) as monitored traffic: eight features, a score from a fixed logistic
 * formula of education-num and age (a stand-in model; the values only need to be realistic scores in
 * [0, 1]), the predicted class score >= 0.5 and the true class income > 50K.
 */
final class AdultBatches {
    static final List<String> FEATURES = List.of("age", "education-num", "hours-per-week", "capital-gain", "workclass", "education",
            "sex", "race");
    final Frame features;
    final double[] scores;
    final boolean[] predicted;
    final boolean[] truth;

    private AdultBatches(Frame all) {
        features = all.select(FEATURES);
        int n = all.rowCount();
        NumericColumn edu = (NumericColumn) all.column("education-num");
        NumericColumn age = (NumericColumn) all.column("age");
        CategoricalColumn label = (CategoricalColumn) all.column("income-per-year");
        scores = new double[n];
        predicted = new boolean[n];
        truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 1 / (1 + Math.exp(-(0.6 * (edu.get(i) - 12) + 0.05 * (age.get(i) - 40))));
            predicted[i] = scores[i] >= 0.5;
            truth[i] = label.get(i).equals(">50K");
        }
    }

    static AdultBatches read() {
        return new AdultBatches(CsvFrames.read("examples/models/adult.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE));
    }

    /** Rows {@code from..to-1} added to {@code into}, predictions and labels. */
    void add(WindowAggregate into, int from, int to) {
        add(into, java.util.stream.IntStream.range(from, to).toArray());
    }

    void add(WindowAggregate into, int[] rows) {
        into.add(features.slice(rows), pick(predicted, rows), pick(scores, rows));
        into.addLabels(pick(truth, rows), pick(predicted, rows), pick(scores, rows));
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    static boolean[] pick(boolean[] v, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
