package dev.assay.models.synth;

import dev.assay.core.compare.AucInterval;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Machine-learning utility of synthetic data: train-on-synthetic / test-on-real (TSTR) against
 * train-on-real / test-on-real (TRTR). A Tribuo logistic regression ({@link LogisticRegressionTrainer}, its
 * defaults: AdaGrad, 5 epochs, fixed seed) is trained once on the synthetic rows and once on the real rows the
 * synthesizer was fitted to, and both are scored on a holdout of real rows neither saw: accuracy, and for a
 * two-class label the ROC AUC of the second class in level order with DeLong's 95% interval. Features are every
 * other column: numeric ones standardised with the real training rows' mean and standard deviation (missing
 * values at the mean), categorical ones one-hot over the real training levels (missing and unseen levels all zero).
 */
public final class SyntheticUtility {
    /** Tribuo's trainers log every thousand examples at INFO; held here so the level set on it stays. */
    private static final java.util.logging.Logger SGD_LOG = java.util.logging.Logger.getLogger(
            "org.tribuo");

    static {
        SGD_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private SyntheticUtility() {
    }

    /** Scores of one trained model on the holdout. */
    public record Score(double accuracy, double auc, double aucLower, double aucUpper) {
    }

    /** TSTR and TRTR scores, the holdout size and the positive class (null for more than two classes). */
    public record Result(String label, String positiveClass, int holdoutRows, Score trainOnSynthetic, Score trainOnReal) {
    }

    /** Trains on {@code synthetic} and on {@code real}, tests both on {@code holdout}; all must have {@code label}. */
    public static Result evaluate(Frame real, Frame synthetic, Frame holdout, String label) {
        CategoricalColumn y = labels(real, label);
        List<String> classes = y.levels().stream().filter(l -> count(y, l) > 0).sorted().toList();
        if (classes.size() < 2) {
            throw new InvalidInputException("The label column '" + label + "' of " + real.source() + " has fewer than two classes;"
                    + " utility needs a classification label with at least two.");
        }
        Features features = new Features(real, label);
        Model<Label> tstr = train(synthetic, label, features);
        Model<Label> trtr = train(real, label, features);
        String positive = classes.size() == 2 ? classes.get(1) : null;
        return new Result(label, positive, holdout.rowCount(), score(tstr, holdout, label, features, positive),
                score(trtr, holdout, label, features, positive));
    }

    private static CategoricalColumn labels(Frame f, String label) {
        Column c = f.column(label, "label");
        if (!(c instanceof CategoricalColumn cat)) {
            throw new InvalidInputException("The label column '" + label + "' of " + f.source() + " is not categorical; utility"
                    + " trains a classifier, so give a class label.");
        }
        return cat;
    }

    private static long count(CategoricalColumn c, String level) {
        int code = c.levels().indexOf(level);
        return Arrays.stream(c.codesArray()).filter(k -> k == code).count();
    }

    private static Model<Label> train(Frame data, String label, Features features) {
        CategoricalColumn y = labels(data, label);
        features.check(data);
        LabelFactory factory = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < data.rowCount(); i++) {
            if (!y.isMissing(i)) {
                examples.add(new ArrayExample<>(new Label(y.get(i)), features.names(), features.row(data, i)));
            }
        }
        if (examples.isEmpty()) {
            throw new InvalidInputException(data.source() + " has no row with a label in '" + label + "'; nothing to train on.");
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance(data.source(), factory)));
        return new LogisticRegressionTrainer().train(dataset);
    }

    private static Score score(Model<Label> model, Frame holdout, String label, Features features, String positive) {
        CategoricalColumn y = labels(holdout, label);
        features.check(holdout);
        int n = 0;
        int correct = 0;
        List<Boolean> truth = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < holdout.rowCount(); i++) {
            if (y.isMissing(i)) {
                continue;
            }
            Prediction<Label> p = model.predict(new ArrayExample<>(new Label(y.get(i)), features.names(), features.row(holdout, i)));
            n++;
            if (p.getOutput().getLabel().equals(y.get(i))) {
                correct++;
            }
            if (positive != null) {
                Map<String, Label> s = p.getOutputScores();
                truth.add(y.get(i).equals(positive));
                scores.add(s.containsKey(positive) ? s.get(positive).getScore() : 0.0);
            }
        }
        if (n == 0) {
            throw new InvalidInputException(holdout.source() + " has no row with a label in '" + label + "'; nothing to test on.");
        }
        double auc = Double.NaN;
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (positive != null && truth.contains(true) && truth.contains(false)) {
            boolean[] t = new boolean[truth.size()];
            double[] s = new double[scores.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = truth.get(i);
                s[i] = scores.get(i);
            }
            AucInterval a = AucInterval.of(t, s, 0.95);
            auc = a.auc();
            lower = a.lower();
            upper = a.upper();
        }
        return new Score(correct / (double) n, auc, lower, upper);
    }

    /** The feature encoding learnt from the real training rows. */
    private static final class Features {
        private final List<Column> columns = new ArrayList<>();
        private final List<double[]> centreScale = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();

        Features(Frame real, String label) {
            for (Column c : real.columns()) {
                if (c.name().equals(label)) {
                    continue;
                }
                offsets.add(names.size());
                columns.add(c);
                if (c instanceof NumericColumn n) {
                    double[] v = Arrays.stream(n.toArray()).filter(x -> !Double.isNaN(x)).toArray();
                    double mean = Arrays.stream(v).average().orElse(0);
                    double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length));
                    centreScale.add(new double[] {mean, sd > 0 ? sd : 1});
                    names.add(c.name());
                } else if (c instanceof CategoricalColumn cat) {
                    centreScale.add(null);
                    cat.levels().forEach(l -> names.add(c.name() + "=" + l));
                } else {
                    throw new InvalidInputException("Column '" + c.name() + "' of " + real.source() + " is free text; utility reads"
                            + " numeric and categorical features only; drop it.");
                }
            }
        }

        /** Throws unless {@code data} has every feature column with its training type. */
        void check(Frame data) {
            for (Column template : columns) {
                Column c = data.column(template.name(), "feature");
                if (c.getClass() != template.getClass()) {
                    throw new InvalidInputException("Column '" + c.name() + "' of " + data.source() + " is "
                            + c.type().name().toLowerCase(java.util.Locale.ROOT) + " but "
                            + template.type().name().toLowerCase(java.util.Locale.ROOT) + " in the real data; give both the same type.");
                }
            }
        }

        String[] names() {
            return names.toArray(new String[0]);
        }

        double[] row(Frame data, int i) {
            double[] out = new double[names.size()];
            for (int j = 0; j < columns.size(); j++) {
                Column template = columns.get(j);
                Column c = data.column(template.name(), "feature");
                if (template instanceof NumericColumn) {
                    double v = ((NumericColumn) c).get(i);
                    double[] cs = centreScale.get(j);
                    out[offsets.get(j)] = Double.isNaN(v) ? 0 : (v - cs[0]) / cs[1];
                } else {
                    CategoricalColumn cat = (CategoricalColumn) c;
                    if (!cat.isMissing(i)) {
                        int k = ((CategoricalColumn) template).levels().indexOf(cat.get(i));
                        if (k >= 0) {
                            out[offsets.get(j) + k] = 1;
                        }
                    }
                }
            }
            return out;
        }
    }
}
