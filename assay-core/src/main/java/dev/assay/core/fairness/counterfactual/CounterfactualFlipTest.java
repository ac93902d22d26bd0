package dev.assay.core.fairness.counterfactual;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassMapping;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counterfactual flip test: each row's protected attribute is set to every other value of that
 * attribute (all other columns kept), the model predicts again, and {@link FlipCounts} say per pair of
 * groups ({@code from -> to}) how many predicted classes changed and how far the positive-class score
 * moved. One predict call per attribute and target value, over every row not already of that value.
 *
 * <p>Rows with a missing attribute value are left out (and said so); on data larger than
 * {@link CounterfactualPlan#maxRows()} a uniform sample of that many rows, drawn with the seed, is used.
 * Only categorical attributes can be flipped: a number has no "other value" to set.
 */
public final class CounterfactualFlipTest {
    private CounterfactualFlipTest() {
    }

    /**
     * @param model the classifier under test
     * @param frame the rows to flip (the model's inputs and the attributes)
     * @param label the label column, to match the model's classes to its values (as for evaluation); may be null
     * @param plan which attributes, values, positive class, sample size and seed
     * @throws InvalidInputException for an unknown or numeric attribute, an unknown value, fewer than two
     *     values, a regression model, or predictions that do not answer every row
     */
    public static FlipResult run(Model model, Frame frame, Column label, CounterfactualPlan plan) {
        List<String> notes = new ArrayList<>();
        List<CategoricalColumn> attributes = new ArrayList<>();
        for (String name : plan.attributes()) {
            attributes.add(categorical(frame, name));
        }
        Frame rows = sample(frame, plan, notes);
        ClassPredictions original = classes(model, rows, label);
        int positive = positiveIndex(model, original.classes(), plan.positiveClass(), notes);
        String positiveName = positive < 0 ? null : original.classes().get(positive);
        List<FlipPair> pairs = new ArrayList<>();
        Map<String, FlipCounts> byAttribute = new LinkedHashMap<>();
        for (CategoricalColumn full : attributes) {
            CategoricalColumn column = (CategoricalColumn) rows.column(full.name());
            List<Integer> codes = valueCodes(column, plan.values(), notes);
            FlipCounts[][] counts = new FlipCounts[column.levels().size()][column.levels().size()];
            for (int to : codes) {
                flipTo(model, rows, label, column, codes, to, original, positive, counts);
            }
            FlipCounts pooled = FlipCounts.EMPTY;
            for (int from : codes) {
                for (int to : codes) {
                    if (from != to) {
                        FlipCounts c = counts[from][to] == null ? FlipCounts.EMPTY : counts[from][to];
                        pairs.add(new FlipPair(column.name(), column.levels().get(from), column.levels().get(to), c));
                        pooled = pooled.plus(c);
                    }
                }
            }
            byAttribute.put(column.name(), pooled);
            int missing = column.missingCount();
            if (missing > 0) {
                notes.add(missing + (missing == 1 ? " row" : " rows") + " with no value of '" + column.name()
                        + (missing == 1 ? "' was" : "' were") + " not flipped.");
            }
        }
        FlipCounts overall = byAttribute.values().stream().reduce(FlipCounts.EMPTY, FlipCounts::plus);
        return new FlipResult(pairs, byAttribute, overall, positiveName, rows.rowCount(), notes);
    }

    /** Predicts every row whose value is one of {@code codes} but not {@code to} again with value {@code to}. */
    private static void flipTo(Model model, Frame rows, Column label, CategoricalColumn column, List<Integer> codes, int to,
            ClassPredictions original, int positive, FlipCounts[][] counts) {
        int[] selected = new int[rows.rowCount()];
        int n = 0;
        for (int i = 0; i < rows.rowCount(); i++) {
            int code = column.code(i);
            if (code != to && code != CategoricalColumn.MISSING && codes.contains(code)) {
                selected[n++] = i;
            }
        }
        if (n == 0) {
            return;
        }
        int[] at = Arrays.copyOf(selected, n);
        int[] constant = new int[n];
        Arrays.fill(constant, to);
        Frame flipped = rows.slice(at).withColumn(CategoricalColumn.wrap(column.name(), constant, column.levels()));
        ClassPredictions changed = classes(model, flipped, label);
        long[] size = new long[counts.length];
        long[] flips = new long[counts.length];
        double[] sumAbs = new double[counts.length];
        double[] maxAbs = new double[counts.length];
        double[] sum = new double[counts.length];
        for (int j = 0; j < n; j++) {
            int row = at[j];
            int from = column.code(row);
            size[from]++;
            if (changed.predicted()[j] != original.predicted()[row]) {
                flips[from]++;
            }
            if (positive >= 0) {
                double delta = changed.probability(j, positive) - original.probability(row, positive);
                sumAbs[from] += Math.abs(delta);
                maxAbs[from] = Math.max(maxAbs[from], Math.abs(delta));
                sum[from] += delta;
            }
        }
        for (int from = 0; from < counts.length; from++) {
            if (size[from] > 0) {
                counts[from][to] = new FlipCounts(size[from], flips[from], positive >= 0 ? size[from] : 0, sumAbs[from], maxAbs[from],
                        sum[from]);
            }
        }
    }

    private static CategoricalColumn categorical(Frame frame, String name) {
        Column c = frame.column(name, "protected attribute");
        if (c instanceof CategoricalColumn cat) {
            return cat;
        }
        throw new InvalidInputException("Protected attribute '" + Excerpt.of(name) + "' is " + c.type().id() + ", but a "
                + "counterfactual flip sets each row to another category of the attribute. Name a categorical column, or read "
                + "this one as categories.");
    }

    /** The codes of the values to flip between: the given ones, or every value that occurs. */
    private static List<Integer> valueCodes(CategoricalColumn column, List<String> values, List<String> notes) {
        long[] present = column.levelCounts();
        List<Integer> codes = new ArrayList<>();
        List<String> occurring = new ArrayList<>();
        for (int c = 0; c < present.length; c++) {
            if (present[c] > 0) {
                occurring.add(column.levels().get(c));
                if (values.isEmpty()) {
                    codes.add(c);
                }
            }
        }
        for (String v : values) {
            int c = column.levels().indexOf(v);
            if (c < 0 || present[c] == 0) {
                throw new InvalidInputException("Value '" + Excerpt.of(v) + "' does not occur in protected attribute '"
                        + Excerpt.of(column.name()) + "'; its values: " + Excerpt.of(String.join(", ", occurring))
                        + ". Name values that occur.");
            }
            if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        if (codes.size() < 2) {
            throw new InvalidInputException("Protected attribute '" + Excerpt.of(column.name()) + "' has "
                    + (codes.isEmpty() ? "no values" : "only the value '" + Excerpt.of(column.levels().get(codes.get(0))) + "'")
                    + (values.isEmpty() ? " in the data" : " among those named") + ", so there is nothing to flip it to. Name an "
                    + "attribute with two or more values.");
        }
        return codes;
    }

    private static Frame sample(Frame frame, CounterfactualPlan plan, List<String> notes) {
        int n = frame.rowCount();
        if (n == 0) {
            throw new InvalidInputException("The data has no rows, so there is nothing to flip.");
        }
        if (n <= plan.maxRows()) {
            return frame;
        }
        int[] chosen = RowSample.indices(n, plan.maxRows(), plan.seed());
        notes.add("Flipped a random sample of " + plan.maxRows() + " of the " + n + " rows (seed " + plan.seed() + ").");
        return frame.slice(chosen);
    }

    private static ClassPredictions classes(Model model, Frame rows, Column label) {
        String name = model.info().name();
        Predictions p = model.predict(rows);
        if (!(p instanceof ClassPredictions c)) {
            throw new InvalidInputException("Model " + name + " predicts numbers, not classes; the counterfactual flip test needs "
                    + "a classifier.");
        }
        if (c.rows() != rows.rowCount()) {
            throw new InvalidInputException("Model " + name + " returned " + c.rows() + " predictions for " + rows.rowCount()
                    + " rows. A model must answer every row once, in order.");
        }
        return label == null ? c : (ClassPredictions) ClassMapping.toLabel(name, c.classes(), label).apply(c);
    }

    /** The class whose probability is the score, or -1 when the model gives no probabilities. */
    private static int positiveIndex(Model model, List<String> classes, String positive, List<String> notes) {
        if (!model.info().capabilities().probabilities()) {
            notes.add("Model " + model.info().name() + " gives no class probabilities, so score changes are not measured.");
            return -1;
        }
        if (positive != null) {
            int k = classes.indexOf(positive);
            if (k < 0) {
                throw new InvalidInputException("Model " + model.info().name() + " has no class '" + Excerpt.of(positive)
                        + "' (its classes: " + classes + "); name the positive class as the model or the label does.");
            }
            return k;
        }
        if (classes.size() != 2) {
            notes.add("No positive class named for a model of " + classes.size() + " classes, so score changes are not measured; "
                    + "set evaluation.positive.");
            return -1;
        }
        int k = classes.get(0).compareTo(classes.get(1)) > 0 ? 0 : 1;
        notes.add("Score: the probability of class '" + classes.get(k) + "' (the greater class name, as scikit-learn's "
                + "pos_label); set evaluation.positive to choose another.");
        return k;
    }
}
