package dev.assay.models.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.explain.tree.TreeShap;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ValuePredictions;
import dev.assay.models.onnx.OnnxModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built ONNX-ML {@code TreeEnsembleRegressor} (every branch mode, missing values tracking either way,
 * scattered tree and node ids, base value, {@code AVERAGE}) read as trees reproduces ONNX Runtime's output on
 * a grid with ties and missing values, and its TreeSHAP values are additive.
 */
class OnnxTreesTest {
    @TempDir
    Path dir;

    @Test
    void readTreesReproduceOnnxRuntime() throws Exception {
        Path file = write(regressor("AVERAGE"));
        double[] grid = {Double.NaN, 0, 1, 1.5, 2, 3};
        int n = grid.length * grid.length;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = grid[i / grid.length];
            b[i] = grid[i % grid.length];
        }
        Frame frame = Frame.of("grid", List.of(NumericColumn.wrap("a", a), NumericColumn.wrap("b", b)));
        try (OnnxModel model = OnnxModel.load(file, OnnxModel.Options.defaults().withFeatures(mapping()))) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertThat(trees.trees()).hasSize(2);
            double[] expected = ((ValuePredictions) model.predict(frame)).values();
            double[] x = trees.inputs(frame);
            for (int r = 0; r < n; r++) {
                assertThat(trees.raw(x, 2 * r, 0)).as("a=%s b=%s", a[r], b[r]).isCloseTo(expected[r], within(1e-6));
            }
            Explanation e = TreeShap.explain(trees, frame, Background.of(frame));
            e.rows().forEach(row -> assertThat(row.base() + row.sum()).isCloseTo(row.output(), within(1e-9)));
            assertThat(e.baseValue()).isCloseTo(java.util.Arrays.stream(expected).average().orElseThrow(), within(1e-6));
        }
    }

    @Test
    void aNonLinearAggregateIsRefusedWithTheFile() throws Exception {
        Path file = write(regressor("MAX"));
        try (OnnxModel model = OnnxModel.load(file, OnnxModel.Options.defaults().withFeatures(mapping()))) {
            assertThatThrownBy(model::trees).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("aggregate_function MAX");
        }
    }

    private Path write(OnnxMl.ModelProto model) throws Exception {
        Path file = dir.resolve("trees.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    private static FeatureMapping mapping() {
        return FeatureMapping.numeric(List.of("a", "b"));
    }

    /**
     * Tree 7: node 4 {@code a < 1.5} (missing true) to 2, else 9; node 2 {@code b >= 2} to leaf 5 (10), else leaf 0 (-4);
     * node 9 {@code b == 1} (missing false) to leaf 1 (7), else leaf 3 (1). Tree 3: node 0 {@code a > 2} to leaf 1 (3),
     * else node 2 {@code b != 0} (missing true) to leaf 3 (-2), else leaf 4 (5). Base value 0.5.
     */
    private static OnnxMl.ModelProto regressor(String aggregate) {
        long[] tree = {7, 7, 7, 7, 7, 7, 7, 3, 3, 3, 3, 3};
        long[] node = {4, 2, 9, 5, 0, 1, 3, 0, 1, 2, 3, 4};
        long[] feature = {0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0};
        float[] value = {1.5f, 2, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0};
        String[] mode = {"BRANCH_LT", "BRANCH_GTE", "BRANCH_EQ", "LEAF", "LEAF", "LEAF", "LEAF", "BRANCH_GT", "LEAF", "BRANCH_NEQ",
            "LEAF", "LEAF"};
        long[] yes = {2, 5, 1, 0, 0, 0, 0, 1, 0, 3, 0, 0};
        long[] no = {9, 0, 3, 0, 0, 0, 0, 2, 0, 4, 0, 0};
        long[] missing = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
        long[] leafTree = {7, 7, 7, 7, 3, 3, 3};
        long[] leafNode = {5, 0, 1, 3, 1, 3, 4};
        float[] weight = {10, -4, 7, 1, 3, -2, 5};
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType("TreeEnsembleRegressor").setDomain("ai.onnx.ml")
                .addInput("input").addOutput("variable")
                .addAttribute(ints("nodes_treeids", tree)).addAttribute(ints("nodes_nodeids", node))
                .addAttribute(ints("nodes_featureids", feature)).addAttribute(floats("nodes_values", value))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("nodes_modes").setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                        .addAllStrings(java.util.Arrays.stream(mode).map(ByteString::copyFromUtf8).toList()))
                .addAttribute(ints("nodes_truenodeids", yes)).addAttribute(ints("nodes_falsenodeids", no))
                .addAttribute(ints("nodes_missing_value_tracks_true", missing))
                .addAttribute(ints("target_treeids", leafTree)).addAttribute(ints("target_nodeids", leafNode))
                .addAttribute(ints("target_ids", new long[leafTree.length])).addAttribute(floats("target_weights", weight))
                .addAttribute(floats("base_values", new float[] {0.5f}))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("n_targets").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(1))
                .addAttribute(string("aggregate_function", aggregate)).addAttribute(string("post_transform", "NONE"));
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("trees").addNode(n)
                .addInput(tensor("input", 2)).addOutput(tensor("variable", 1)).build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1)).build();
    }

    private static OnnxMl.AttributeProto ints(String name, long[] values) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    private static OnnxMl.AttributeProto floats(String name, float[] values) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOATS);
        for (float v : values) {
            b.addFloats(v);
        }
        return b.build();
    }

    private static OnnxMl.AttributeProto string(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    private static OnnxMl.ValueInfoProto tensor(String name, int width) {
        OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))).build();
    }
}
