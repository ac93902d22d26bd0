package dev.assay.models.trees;

import dev.assay.core.explain.tree.Comparison;
import dev.assay.core.explain.tree.Tree;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * A Tribuo classification or single-output regression tree, or an equally weighted ensemble of them whose
 * outputs are averaged (a {@code RandomForestTrainer} or {@code BaggingTrainer} forest), as a
 * {@link TreeEnsemble} (a multi-output regression tree is not read). A split {@code x > t} of Tribuo
 * becomes {@code LEQ t} with the less-or-equal child as the true branch; a classifier's leaves hold their
 * class distributions, so the averaged output is the forest's class probability. Tribuo stores no node covers (see {@link TreeEnsemble#withCovers}).
 */
public final class TribuoTrees {

    private TribuoTrees() {
    }

    /**
     * The model's trees, or empty when it is not a tree or ensemble of trees.
     *
     * @param mapping the model's inputs, named as Tribuo's features ({@link FeatureMapping#inputNames()})
     * @param classes the class names in output order (empty for a regressor)
     */
    public static Optional<TreeEnsemble> of(Model<?> model, FeatureMapping mapping, List<String> classes) {
        List<TreeModel<?>> members = new ArrayList<>();
        if (model instanceof TreeModel<?> tree) {
            members.add(tree);
        } else if (model instanceof WeightedEnsembleModel<?> ensemble) {
            for (Model<?> m : ensemble.getModels()) {
                if (!(m instanceof TreeModel<?> tree)) {
                    return Optional.empty();
                }
                members.add(tree);
            }
        } else {
            return Optional.empty();
        }
        List<String> outputs = classes.isEmpty() ? List.of("value") : classes;
        List<String> inputs = mapping.inputNames();
        List<Tree> trees = new ArrayList<>();
        for (TreeModel<?> member : members) {
            Node<?> root = root(member);
            if (root == null) {
                return Optional.empty();
            }
            trees.add(convert(root, member.getFeatureIDMap(), inputs, outputs, classes.isEmpty()));
        }
        return Optional.of(new TreeEnsemble(trees, mapping, outputs, new double[outputs.size()], true, "NONE"));
    }

    /** The tree's root; a regression tree keeps one root per output dimension, of which there must be one. */
    private static Node<?> root(TreeModel<?> tree) {
        if (tree instanceof IndependentRegressionTreeModel regression) {
            Map<String, Node<Regressor>> roots = regression.getRoots();
            return roots.size() == 1 ? roots.values().iterator().next() : null;
        }
        return tree.getRoot();
    }

    private static Tree convert(Node<?> root, ImmutableFeatureMap features, List<String> inputs, List<String> outputs,
            boolean regression) {
        List<Node<?>> order = new ArrayList<>();
        number(root, order);
        Map<Node<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        int n = order.size();
        int[] input = new int[n];
        double[] threshold = new double[n];
        Comparison[] mode = new Comparison[n];
        Arrays.fill(mode, Comparison.LEQ);
        int[] yes = new int[n];
        int[] no = new int[n];
        boolean[] missingYes = new boolean[n];
        double[] cover = new double[n];
        Arrays.fill(cover, Double.NaN);
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            Node<?> node = order.get(i);
            if (node instanceof SplitNode<?> split) {
                String name = features.get(split.getFeatureID()).getName();
                input[i] = inputs.indexOf(name);
                if (input[i] < 0) {
                    throw new IllegalArgumentException("the trees split on feature " + name + ", which the mapping does not give");
                }
                threshold[i] = split.splitValue();
                yes[i] = index.get(split.getLessThanOrEqual());
                no[i] = index.get(split.getGreaterThan());
                missingYes[i] = true;
            } else {
                yes[i] = -1;
                no[i] = -1;
                values[i] = leafValues((LeafNode<?>) node, outputs, regression);
            }
        }
        return new Tree(input, threshold, mode, yes, no, missingYes, cover, values);
    }

    private static double[] leafValues(LeafNode<?> leaf, List<String> outputs, boolean regression) {
        if (regression) {
            return new double[] {((Regressor) leaf.getOutput()).getValues()[0]};
        }
        Map<String, ? extends Output<?>> distribution = leaf.getDistribution();
        double[] v = new double[outputs.size()];
        for (int c = 0; c < v.length; c++) {
            Output<?> score = distribution.get(outputs.get(c));
            v[c] = score == null ? 0 : ((Label) score).getScore();
        }
        return v;
    }

    /** Depth-first order, root first, the less-or-equal subtree before the greater one. */
    private static void number(Node<?> node, List<Node<?>> order) {
        order.add(node);
        if (node instanceof SplitNode<?> split) {
            number(split.getLessThanOrEqual(), order);
            number(split.getGreaterThan(), order);
        }
    }
}
