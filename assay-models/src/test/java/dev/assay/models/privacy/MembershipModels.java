package dev.assay.models.privacy;

import dev.assay.core.data.Frame;
import dev.assay.models.training.ExampleData;
import dev.assay.models.training.TrainExampleModels;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/**
 * Two real classifiers of German credit for membership-inference tests, trained on the example split (700
 * training rows, 300 held out, {@link ExampleData#split}): a random forest of 10 fully grown CART trees (no depth
 * limit, half of the features tried per split, leaves end pure, so it memorises its training rows; the example
 * forest stops at depth 6) and the example logistic regression
 * ({@link TrainExampleModels#logistic}: 10 epochs of AdaGrad, a small model that cannot memorise 700 rows).
 */
final class MembershipModels {
    final Frame train;
    final Frame test;
    final Model<Label> deepForest;
    final Model<Label> logistic;

    MembershipModels() {
        ExampleData data = ExampleData.germanCredit(ExampleData.repositoryRoot());
        Frame frame = data.read();
        train = frame.slice(ExampleData.split(frame.rowCount(), true));
        test = frame.slice(ExampleData.split(frame.rowCount(), false));
        MutableDataset<Label> dataset = TrainExampleModels.dataset(data, train);
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, TrainExampleModels.FEATURE_FRACTION,
                TrainExampleModels.TRAINING_SEED);
        deepForest = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TrainExampleModels.TREES,
                TrainExampleModels.TRAINING_SEED).train(dataset);
        logistic = TrainExampleModels.logistic(dataset);
    }
}
