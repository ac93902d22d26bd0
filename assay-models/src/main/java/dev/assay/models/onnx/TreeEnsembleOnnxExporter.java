package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.assay.core.model.FeatureMapping;
import dev.assay.models.FeatureMappingJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Writes a Tribuo classification tree, or an ensemble of them combined by averaging their leaf
 * distributions ({@link FullyWeightedVotingCombiner} with equal weights, as a random forest built by
 * {@code RandomForestTrainer} or {@code BaggingTrainer} has), as one ONNX-ML
 * {@code TreeEnsembleClassifier} node (ai.onnx.ml opset 1).
 *
 * <p>The graph takes one float input {@code input [N, F]} indexed by the ensemble's feature ids and
 * gives {@code label} (string {@code [N]}) and {@code probabilities} (float {@code [N, K]}, classes in
 * output-id order). A split {@code x > t} of Tribuo becomes {@code BRANCH_LEQ t} with the
 * less-or-equal child as the true branch; each leaf adds its class distribution divided by the
 * number of trees, so the sum over trees is Tribuo's average. Thresholds and leaf weights are
 * stored as 32-bit floats, as the operator requires.
 */
public final class TreeEnsembleOnnxExporter {

    private TreeEnsembleOnnxExporter() {
    }

    /**
     * The model as ONNX, with {@code features} and the class labels in its metadata
     * ({@link OnnxModel#FEATURES_KEY}, {@link OnnxModel#CLASSES_KEY}).
     *
     * @param features the mapping that fills the model's input vector in feature-id order
     * @throws IllegalArgumentException if the model is not a classification tree or an ensemble of
     *     them (Tribuo does not expose an ensemble's combiner and weights: the caller must have built it
     *     with equal weights and {@link FullyWeightedVotingCombiner})
     */
    public static OnnxMl.ModelProto export(Model<Label> model, FeatureMapping features, String graphName) {
        List<TreeModel<Label>> trees = trees(model);
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        if (features.width() != featureMap.size()) {
            throw new IllegalArgumentException("the mapping makes " + features.width() + " inputs, the model has "
                    + featureMap.size() + " features");
        }
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            classes.add(outputs.getOutput(i).getLabel());
        }
        Arrays arrays = new Arrays();
        float share = 1.0f / trees.size();
        for (int t = 0; t < trees.size(); t++) {
            TreeModel<Label> tree = trees.get(t);
            Map<Node<Label>, Integer> ids = new IdentityHashMap<>();
            List<Node<Label>> order = new ArrayList<>();
            number(tree.getRoot(), ids, order);
            for (Node<Label> node : order) {
                arrays.treeIds.add((long) t);
                arrays.nodeIds.add((long) ids.get(node));
                if (node instanceof SplitNode<Label> split) {
                    String featureName = tree.getFeatureIDMap().get(split.getFeatureID()).getName();
                    arrays.featureIds.add((long) featureMap.getID(featureName));
                    arrays.values.add((float) split.splitValue());
                    arrays.modes.add(ByteString.copyFromUtf8("BRANCH_LEQ"));
                    arrays.trueIds.add((long) ids.get(split.getLessThanOrEqual()));
                    arrays.falseIds.add((long) ids.get(split.getGreaterThan()));
                } else {
                    LeafNode<Label> leaf = (LeafNode<Label>) node;
                    arrays.featureIds.add(0L);
                    arrays.values.add(0f);
                    arrays.modes.add(ByteString.copyFromUtf8("LEAF"));
                    arrays.trueIds.add(0L);
                    arrays.falseIds.add(0L);
                    for (int c = 0; c < classes.size(); c++) {
                        Label score = leaf.getDistribution().get(classes.get(c));
                        arrays.classTreeIds.add((long) t);
                        arrays.classNodeIds.add((long) ids.get(node));
                        arrays.classIds.add((long) c);
                        arrays.classWeights.add(score == null ? 0f : (float) (score.getScore() * share));
                    }
                }
            }
        }
        OnnxMl.NodeProto node = OnnxMl.NodeProto.newBuilder()
                .setOpType("TreeEnsembleClassifier").setDomain("ai.onnx.ml").setName("trees")
                .addInput("input").addOutput("label").addOutput("probabilities")
                .addAttribute(ints("nodes_treeids", arrays.treeIds))
                .addAttribute(ints("nodes_nodeids", arrays.nodeIds))
                .addAttribute(ints("nodes_featureids", arrays.featureIds))
                .addAttribute(floats("nodes_values", arrays.values))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("nodes_modes")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRINGS).addAllStrings(arrays.modes))
                .addAttribute(ints("nodes_truenodeids", arrays.trueIds))
                .addAttribute(ints("nodes_falsenodeids", arrays.falseIds))
                .addAttribute(ints("class_treeids", arrays.classTreeIds))
                .addAttribute(ints("class_nodeids", arrays.classNodeIds))
                .addAttribute(ints("class_ids", arrays.classIds))
                .addAttribute(floats("class_weights", arrays.classWeights))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("classlabels_strings")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                        .addAllStrings(classes.stream().map(ByteString::copyFromUtf8).toList()))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("post_transform")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("NONE")))
                .build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName(graphName).addNode(node)
                .addInput(tensor("input", OnnxMl.TensorProto.DataType.FLOAT, featureMap.size()))
                .addOutput(tensor("label", OnnxMl.TensorProto.DataType.STRING, 0))
                .addOutput(tensor("probabilities", OnnxMl.TensorProto.DataType.FLOAT, classes.size()))
                .build();
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("assay")
                .setProducerVersion("tree-ensemble-exporter-1")
                .setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
                .addMetadataProps(property(OnnxModel.FEATURES_KEY, FeatureMappingJson.write(features)))
                .addMetadataProps(property(OnnxModel.CLASSES_KEY, classesJson(classes)))
                .build();
    }

    /** Writes {@link #export} to {@code file}. */
    public static void write(Model<Label> model, FeatureMapping features, String graphName, Path file) throws IOException {
        Files.write(file, export(model, features, graphName).toByteArray());
    }

    /** The labels as a JSON array, as {@link OnnxModel} reads {@link OnnxModel#CLASSES_KEY}. */
    public static String classesJson(List<String> classes) {
        var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        classes.forEach(array::add);
        return array.toString();
    }

    /** A metadata entry. */
    public static OnnxMl.StringStringEntryProto property(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    @SuppressWarnings("unchecked")
    private static List<TreeModel<Label>> trees(Model<Label> model) {
        if (model instanceof TreeModel<Label> tree) {
            return List.of(tree);
        }
        if (model instanceof WeightedEnsembleModel<Label> ensemble) {
            List<TreeModel<Label>> trees = new ArrayList<>();
            for (Model<Label> member : ensemble.getModels()) {
                if (!(member instanceof TreeModel<?>)) {
                    throw new IllegalArgumentException("ensemble member " + member.getName() + " is not a tree");
                }
                trees.add((TreeModel<Label>) member);
            }
            return trees;
        }
        throw new IllegalArgumentException(model.getClass().getName() + " is not a tree or tree ensemble");
    }

    /** Numbers the nodes depth first, root 0. */
    private static void number(Node<Label> node, Map<Node<Label>, Integer> ids, List<Node<Label>> order) {
        ids.put(node, order.size());
        order.add(node);
        if (node instanceof SplitNode<Label> split) {
            number(split.getLessThanOrEqual(), ids, order);
            number(split.getGreaterThan(), ids, order);
        }
    }

    private static OnnxMl.AttributeProto ints(String name, List<Long> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS)
                .addAllInts(values).build();
    }

    private static OnnxMl.AttributeProto floats(String name, List<Float> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOATS)
                .addAllFloats(values).build();
    }

    private static OnnxMl.ValueInfoProto tensor(String name, OnnxMl.TensorProto.DataType type, int width) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        if (width > 0) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    /** The operator's attribute arrays, filled node by node. */
    private static final class Arrays {
        final List<Long> treeIds = new ArrayList<>();
        final List<Long> nodeIds = new ArrayList<>();
        final List<Long> featureIds = new ArrayList<>();
        final List<Float> values = new ArrayList<>();
        final List<ByteString> modes = new ArrayList<>();
        final List<Long> trueIds = new ArrayList<>();
        final List<Long> falseIds = new ArrayList<>();
        final List<Long> classTreeIds = new ArrayList<>();
        final List<Long> classNodeIds = new ArrayList<>();
        final List<Long> classIds = new ArrayList<>();
        final List<Float> classWeights = new ArrayList<>();
    }
}
