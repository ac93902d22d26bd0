package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.util.List;

/** Small ONNX graphs written proto by proto, for the per-column and ZipMap conventions. */
final class HandBuiltModels {

    private HandBuiltModels() {
    }

    /** Regressor with per-column inputs {@code a} (float [N,1]) and {@code b} (int64 [N,1]): y = 2a + b. */
    static byte[] perColumnRegressor() {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("sum")
                .addNode(node("Cast", List.of("b"), List.of("b_float")).addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("to").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(OnnxMl.TensorProto.DataType.FLOAT_VALUE)))
                .addNode(node("Add", List.of("a", "a"), List.of("twice_a")))
                .addNode(node("Add", List.of("twice_a", "b_float"), List.of("y")))
                .addInput(tensor("a", OnnxMl.TensorProto.DataType.FLOAT, 1))
                .addInput(tensor("b", OnnxMl.TensorProto.DataType.INT64, 1))
                .addOutput(tensor("y", OnnxMl.TensorProto.DataType.FLOAT, 1))
                .build();
        return model(graph, false).toByteArray();
    }

    /**
     * Classifier with one dense input [N, 2]: ai.onnx.ml LinearClassifier (softmax) over classes
     * {@code no, yes}, probabilities through a ZipMap.
     */
    static byte[] zipMapClassifier() {
        OnnxMl.NodeProto.Builder linear = node("LinearClassifier", List.of("x"), List.of("label", "scores")).setDomain("ai.onnx.ml")
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("coefficients").setType(OnnxMl.AttributeProto.AttributeType.FLOATS)
                        .addAllFloats(List.of(1f, -1f, -1f, 1f)))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("intercepts").setType(OnnxMl.AttributeProto.AttributeType.FLOATS)
                        .addAllFloats(List.of(0f, 0.5f)))
                .addAttribute(strings("classlabels_strings", List.of("no", "yes")))
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("post_transform").setType(OnnxMl.AttributeProto.AttributeType.STRING)
                        .setS(ByteString.copyFromUtf8("SOFTMAX")));
        OnnxMl.NodeProto.Builder zip = node("ZipMap", List.of("scores"), List.of("probabilities")).setDomain("ai.onnx.ml")
                .addAttribute(strings("classlabels_strings", List.of("no", "yes")));
        OnnxMl.TypeProto map = OnnxMl.TypeProto.newBuilder().setMapType(OnnxMl.TypeProto.Map.newBuilder()
                .setKeyType(OnnxMl.TensorProto.DataType.STRING_VALUE)
                .setValueType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)))).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("zip").addNode(linear).addNode(zip)
                .addInput(tensor("x", OnnxMl.TensorProto.DataType.FLOAT, 2))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("label").setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.STRING_VALUE)
                                .setShape(OnnxMl.TensorShapeProto.newBuilder().addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder()
                                        .setDimParam("N"))))))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("probabilities").setType(OnnxMl.TypeProto.newBuilder()
                        .setSequenceType(OnnxMl.TypeProto.Sequence.newBuilder().setElemType(map))))
                .build();
        return model(graph, true).toByteArray();
    }

    private static OnnxMl.ModelProto model(OnnxMl.GraphProto graph, boolean ml) {
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .setGraph(graph).addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17));
        if (ml) {
            model.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1));
        }
        return model.build();
    }

    private static OnnxMl.NodeProto.Builder node(String op, List<String> inputs, List<String> outputs) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).addAllInput(inputs).addAllOutput(outputs);
    }

    private static OnnxMl.AttributeProto strings(String name, List<String> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                .addAllStrings(values.stream().map(ByteString::copyFromUtf8).toList()).build();
    }

    private static OnnxMl.ValueInfoProto tensor(String name, OnnxMl.TensorProto.DataType type, int width) {
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber())
                        .setShape(OnnxMl.TensorShapeProto.newBuilder()
                                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width))))).build();
    }
}
