package dev.assay.models.text;

import dev.assay.core.data.Frame;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A text classifier for tests: Tribuo logistic regression (LogMulticlass, AdaGrad 0.1, 5 epochs, seed 42) over
 * binary word features, a word being a run of letters, digits and apostrophes, lower-cased ({@code w=free}). It reads
 * one text column of the frame, so Assay's text perturbations can be measured on it.
 */
final class BagOfWordsModel implements Model {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final LabelFactory LABELS = new LabelFactory();

    private final LinearSGDModel model;
    private final String column;
    private final List<String> classes;

    private BagOfWordsModel(LinearSGDModel model, String column) {
        this.model = model;
        this.column = column;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
            names.add(model.getOutputIDInfo().getOutput(i).getLabel());
        }
        this.classes = List.copyOf(names);
    }

    /** Trains on the text column {@code column} and the label column {@code label} of {@code train}. */
    static BagOfWordsModel train(Frame train, String column, String label) {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < train.rowCount(); i++) {
            examples.add(example(train.column(column).format(i), new Label(train.column(label).format(i))));
        }
        ListDataSource<Label> source = new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance("spam sample", LABELS));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, train.rowCount() + 1, 1, 42L);
        return new BagOfWordsModel((LinearSGDModel) trainer.train(new MutableDataset<>(source)), column);
    }

    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                out.add("w=" + m.group());
            }
        }
        return out;
    }

    private static Example<Label> example(String text, Label label) {
        Set<String> words = words(text);
        String[] names = words.toArray(String[]::new);
        double[] ones = new double[names.length];
        java.util.Arrays.fill(ones, 1.0);
        return new ArrayExample<>(label, names, ones);
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("bag-of-words spam", "tribuo", Task.BINARY, classes, new FeatureMapping(List.of()),
                new ModelCapabilities(true, false, true, 1000), Map.of());
    }

    @Override
    public Predictions predict(Frame features) {
        List<Example<Label>> batch = new ArrayList<>();
        for (int i = 0; i < features.rowCount(); i++) {
            batch.add(example(features.column(column).format(i), LABELS.getUnknownOutput()));
        }
        List<Prediction<Label>> out = model.predict(batch);
        double[] p = new double[out.size() * classes.size()];
        for (int r = 0; r < out.size(); r++) {
            Map<String, Label> scores = out.get(r).getOutputScores();
            for (int c = 0; c < classes.size(); c++) {
                p[r * classes.size() + c] = scores.get(classes.get(c)).getScore();
            }
        }
        return ClassPredictions.mostProbable(classes, p);
    }
}
