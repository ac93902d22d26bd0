package dev.assay.models.trees;

import ai.onnx.proto.OnnxMl;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.tree.Comparison;
import dev.assay.core.explain.tree.Tree;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ONNX-ML {@code TreeEnsembleClassifier} or {@code TreeEnsembleRegressor} node of a graph (ai.onnx.ml
 * opset 1, as written by skl2onnx, onnxmltools for XGBoost and LightGBM, and Assay's exporter) as a
 * {@link TreeEnsemble}: nodes_modes {@code BRANCH_LEQ/LT/GTE/GT/EQ/NEQ}, nodes_missing_value_tracks_true,
 * base_values, class or target ids and weights summed per output (a regressor's {@code AVERAGE} aggregate
 * divides by the number of trees). The explained output is before {@code post_transform} (NONE, LOGISTIC,
 * SOFTMAX, ...), which is recorded. ONNX stores no node covers (see {@link TreeEnsemble#withCovers}).
 */
public final class OnnxTrees {

    private OnnxTrees() {
    }

    /**
     * The graph's tree ensemble, or empty when the graph holds none.
     *
     * @param mapping the model's inputs, in the order of the ensemble's feature ids
     * @throws InvalidInputException naming the file when the ensemble is malformed
     */
    public static Optional<TreeEnsemble> of(OnnxMl.ModelProto model, FeatureMapping mapping, String file) {
        for (OnnxMl.NodeProto node : model.getGraph().getNodeList()) {
            boolean classifier = node.getOpType().equals("TreeEnsembleClassifier");
            if (classifier || node.getOpType().equals("TreeEnsembleRegressor")) {
                try {
                    return Optional.of(convert(node, classifier, mapping));
                } catch (RuntimeException e) {
                    throw new InvalidInputException("ONNX model " + file + ": its " + node.getOpType() + " node cannot be read as"
                            + " trees (" + e.getMessage() + ").", e);
                }
            }
        }
        return Optional.empty();
    }

    private static TreeEnsemble convert(OnnxMl.NodeProto node, boolean classifier, FeatureMapping mapping) {
        Map<String, OnnxMl.AttributeProto> a = new HashMap<>();
        node.getAttributeList().forEach(x -> a.put(x.getName(), x));
        List<Long> treeIds = ints(a, "nodes_treeids");
        List<Long> nodeIds = ints(a, "nodes_nodeids");
        List<Long> featureIds = ints(a, "nodes_featureids");
        List<Float> thresholds = floats(a, "nodes_values");
        List<String> modes = a.get("nodes_modes").getStringsList().stream().map(b -> b.toStringUtf8()).toList();
        List<Long> trueIds = ints(a, "nodes_truenodeids");
        List<Long> falseIds = ints(a, "nodes_falsenodeids");
        List<Long> missingTrue = ints(a, "nodes_missing_value_tracks_true");
        String prefix = classifier ? "class_" : "target_";
        List<Long> leafTrees = ints(a, prefix + "treeids");
        List<Long> leafNodes = ints(a, prefix + "nodeids");
        List<Long> leafOutputs = ints(a, prefix + "ids");
        List<Float> leafWeights = floats(a, prefix + "weights");
        List<String> outputs = new ArrayList<>();
        if (classifier) {
            a.getOrDefault("classlabels_strings", OnnxMl.AttributeProto.getDefaultInstance()).getStringsList()
                    .forEach(s -> outputs.add(s.toStringUtf8()));
            ints(a, "classlabels_int64s").forEach(i -> outputs.add(Long.toString(i)));
        } else {
            long targets = a.containsKey("n_targets") ? a.get("n_targets").getI() : 1;
            for (int t = 0; t < targets; t++) {
                outputs.add(targets == 1 ? "value" : "target" + t);
            }
        }
        String aggregate = a.containsKey("aggregate_function") ? a.get("aggregate_function").getS().toStringUtf8() : "SUM";
        if (!aggregate.equals("SUM") && !aggregate.equals("AVERAGE")) {
            throw new IllegalArgumentException("aggregate_function " + aggregate + " is not linear in the leaves");
        }
        Map<Long, Map<Long, Integer>> byTree = new TreeMap<>();
        for (int i = 0; i < treeIds.size(); i++) {
            byTree.computeIfAbsent(treeIds.get(i), t -> new HashMap<>()).put(nodeIds.get(i), i);
        }
        Map<Long, double[]> leafValues = new HashMap<>();
        for (int i = 0; i < leafTrees.size(); i++) {
            int at = byTree.get(leafTrees.get(i)).get(leafNodes.get(i));
            leafValues.computeIfAbsent((long) at, x -> new double[outputs.size()])[Math.toIntExact(leafOutputs.get(i))] +=
                    leafWeights.get(i);
        }
        List<Tree> trees = new ArrayList<>();
        for (Map<Long, Integer> nodes : byTree.values()) {
            List<Integer> order = new ArrayList<>();
            Map<Integer, Integer> index = new HashMap<>();
            number(root(nodes, trueIds, falseIds, modes), nodes, trueIds, falseIds, modes, order, index);
            int n = order.size();
            int[] input = new int[n];
            double[] threshold = new double[n];
            Comparison[] mode = new Comparison[n];
            int[] yes = new int[n];
            int[] no = new int[n];
            boolean[] missingYes = new boolean[n];
            double[] cover = new double[n];
            Arrays.fill(cover, Double.NaN);
            double[][] values = new double[n][];
            for (int i = 0; i < n; i++) {
                int at = order.get(i);
                String m = modes.get(at);
                mode[i] = Comparison.LEQ;
                if (m.equals("LEAF")) {
                    yes[i] = -1;
                    no[i] = -1;
                    values[i] = leafValues.getOrDefault((long) at, new double[outputs.size()]);
                } else {
                    mode[i] = Comparison.valueOf(m.substring("BRANCH_".length()));
                    input[i] = Math.toIntExact(featureIds.get(at));
                    threshold[i] = thresholds.get(at);
                    yes[i] = index.get(nodes.get(trueIds.get(at)));
                    no[i] = index.get(nodes.get(falseIds.get(at)));
                    missingYes[i] = !missingTrue.isEmpty() && missingTrue.get(at) != 0;
                }
            }
            trees.add(new Tree(input, threshold, mode, yes, no, missingYes, cover, values));
        }
        double[] base = new double[outputs.size()];
        List<Float> baseValues = floats(a, "base_values");
        for (int i = 0; i < baseValues.size(); i++) {
            base[i] = baseValues.get(i);
        }
        String post = a.containsKey("post_transform") ? a.get("post_transform").getS().toStringUtf8() : "NONE";
        return new TreeEnsemble(trees, mapping, outputs, base, aggregate.equals("AVERAGE"), post);
    }

    /** The node no other node of the tree points to. */
    private static int root(Map<Long, Integer> nodes, List<Long> trueIds, List<Long> falseIds, List<String> modes) {
        java.util.Set<Long> children = new java.util.HashSet<>();
        for (int at : nodes.values()) {
            if (!modes.get(at).equals("LEAF")) {
                children.add(trueIds.get(at));
                children.add(falseIds.get(at));
            }
        }
        return nodes.entrySet().stream().filter(e -> !children.contains(e.getKey())).mapToInt(Map.Entry::getValue).min()
                .orElseThrow(() -> new IllegalArgumentException("a tree has no root"));
    }

    /** Depth-first order from {@code at}, true child first; index maps attribute positions to tree positions. */
    private static void number(int at, Map<Long, Integer> nodes, List<Long> trueIds, List<Long> falseIds, List<String> modes,
            List<Integer> order, Map<Integer, Integer> index) {
        index.put(at, order.size());
        order.add(at);
        if (!modes.get(at).equals("LEAF")) {
            number(nodes.get(trueIds.get(at)), nodes, trueIds, falseIds, modes, order, index);
            number(nodes.get(falseIds.get(at)), nodes, trueIds, falseIds, modes, order, index);
        }
    }

    private static List<Long> ints(Map<String, OnnxMl.AttributeProto> a, String name) {
        return a.containsKey(name) ? a.get(name).getIntsList() : List.of();
    }

    private static List<Float> floats(Map<String, OnnxMl.AttributeProto> a, String name) {
        return a.containsKey(name) ? a.get(name).getFloatsList() : List.of();
    }
}
