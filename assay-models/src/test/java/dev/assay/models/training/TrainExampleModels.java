package dev.assay.models.training;

import ai.onnx.proto.OnnxMl;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.stats.ScoreSample;
import dev.assay.models.FeatureMappingJson;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.onnx.TreeEnsembleOnnxExporter;
import dev.assay.models.tribuo.TribuoFeatures;
import dev.assay.models.tribuo.TribuoModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the example models in {@code examples/models/} from the example CSVs: for German credit
 * and Adult, a logistic regression and a random forest, each saved as a Tribuo model
 * ({@code .tribuo.gz}, gzip-compressed protobuf) and as ONNX ({@code .onnx}, with the feature mapping and classes in
 * its metadata). Every random choice has a fixed seed, so the models' predictions are the same on
 * every run. Prints the held-out accuracy and ROC AUC. Also writes the German-credit forest with its
 * classes named by index ({@link ClassIndexModels}) and German credit's split as
 * {@code examples/german-credit/train.csv} and {@code test.csv}, the data of {@code ./assay demo}.
 *
 * <p>Run from the repository root: see {@code examples/models/README.md}.
 */
public final class TrainExampleModels {
    public static final long TRAINING_SEED = 42L;
    public static final int SGD_EPOCHS = 10;
    public static final double ADAGRAD_RATE = 0.1;
    public static final int TREES = 10;
    public static final int TREE_DEPTH = 6;
    public static final float FEATURE_FRACTION = 0.5f;

    private TrainExampleModels() {
    }

    public static void main(String[] args) throws IOException {
        Path root = ExampleData.repositoryRoot();
        Path out = root.resolve("examples/models");
        Files.createDirectories(out);
        for (ExampleData data : List.of(ExampleData.germanCredit(root), ExampleData.adult(root))) {
            Frame frame = data.read();
            Frame train = frame.slice(ExampleData.split(frame.rowCount(), true));
            Frame test = frame.slice(ExampleData.split(frame.rowCount(), false));
            MutableDataset<Label> dataset = dataset(data, train);
            save(out, data.name() + "_logistic", logistic(dataset), test, data.label());
            save(out, data.name() + "_forest", forest(dataset), test, data.label());
        }
        OnnxMl.ModelProto forest = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(out.resolve("german_credit_forest.onnx")));
        Files.write(out.resolve("german_credit_forest_indices.onnx"), ClassIndexModels.indexed(forest, false).toByteArray());
        ExampleData german = ExampleData.germanCredit(root);
        german.writeSplit(german.file().getParent());
    }

    /** The training rows as a Tribuo data set, features named as {@link TribuoFeatures} says. */
    public static MutableDataset<Label> dataset(ExampleData data, Frame train) {
        FeatureMapping mapping = data.rawMapping(train);
        FeatureMapping.Bound bound = mapping.bind(train, data.name());
        double[] inputs = new double[train.rowCount() * bound.width()];
        bound.fill(0, train.rowCount(), inputs);
        CategoricalColumn label = (CategoricalColumn) train.column(data.label());
        List<Label> labels = new ArrayList<>();
        for (int r = 0; r < train.rowCount(); r++) {
            labels.add(new Label(label.get(r)));
        }
        LabelFactory factory = new LabelFactory();
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(data.file().getFileName() + ", training split ("
                + ExampleData.TRAIN_FRACTION + ", split seed " + ExampleData.SPLIT_SEED + ")", factory);
        ListDataSource<Label> source = new ListDataSource<>(TribuoFeatures.examples(labels,
                mapping.inputNames().toArray(String[]::new), inputs, train.rowCount(), bound.width()), factory, provenance);
        return new MutableDataset<>(source);
    }

    /** Multinomial logistic regression: LogMulticlass loss, AdaGrad, fixed seed. */
    public static LinearSGDModel logistic(MutableDataset<Label> dataset) {
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(ADAGRAD_RATE, 0.1), SGD_EPOCHS,
                dataset.size() + 1, 1, TRAINING_SEED);
        return (LinearSGDModel) trainer.train(dataset);
    }

    /** A random forest of CART trees averaging their leaf distributions, fixed seed. */
    public static Model<Label> forest(MutableDataset<Label> dataset) {
        CARTClassificationTrainer tree = new CARTClassificationTrainer(TREE_DEPTH, FEATURE_FRACTION, TRAINING_SEED);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, TRAINING_SEED).train(dataset);
    }

    /** The model as ONNX with the feature mapping and the classes in its metadata. */
    public static OnnxMl.ModelProto onnx(Model<Label> model, String name) {
        FeatureMapping features = TribuoFeatures.mapping(model.getFeatureIDMap());
        if (model instanceof LinearSGDModel linear) {
            List<String> classes = new ArrayList<>();
            for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
                classes.add(model.getOutputIDInfo().getOutput(i).getLabel());
            }
            OnnxMl.ModelProto exported = linear.exportONNXModel("dev.assay.examples", 1);
            return exported.toBuilder()
                    .setGraph(exported.getGraph().toBuilder().setName(name))
                    .addMetadataProps(TreeEnsembleOnnxExporter.property(OnnxModel.FEATURES_KEY, FeatureMappingJson.write(features)))
                    .addMetadataProps(TreeEnsembleOnnxExporter.property(OnnxModel.CLASSES_KEY, TreeEnsembleOnnxExporter.classesJson(classes)))
                    .build();
        }
        return TreeEnsembleOnnxExporter.export(model, features, name);
    }

    private static void save(Path out, String name, Model<Label> model, Frame test, String labelColumn) throws IOException {
        try (OutputStream file = new GZIPOutputStream(Files.newOutputStream(out.resolve(name + ".tribuo.gz")))) {
            model.serializeToStream(file);
        }
        Files.write(out.resolve(name + ".onnx"), onnx(model, name).toByteArray());
        ClassPredictions p = (ClassPredictions) TribuoModel.of(name, model).predict(test);
        CategoricalColumn truth = (CategoricalColumn) test.column(labelColumn);
        int correct = 0;
        ScoreSample sample = new ScoreSample();
        int positive = p.classes().indexOf(positiveClass(p.classes()));
        for (int r = 0; r < p.rows(); r++) {
            String actual = truth.get(r);
            correct += p.classes().get(p.predicted()[r]).equals(actual) ? 1 : 0;
            sample.add(p.probability(r, positive), actual.equals(p.classes().get(positive)), 1.0);
        }
        System.out.printf(Locale.ROOT, "%s: held-out rows %d, accuracy %.4f, roc_auc %.4f (positive class %s)%n", name, p.rows(),
                correct / (double) p.rows(), sample.result().rocAuc(), p.classes().get(positive));
    }

    private static String positiveClass(List<String> classes) {
        return classes.contains(">50K") ? ">50K" : classes.contains("bad") ? "bad" : classes.get(1);
    }
}
