package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.MapInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.assay.core.result.Fingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts about an ONNX model file that go into {@code ModelInfo.metadata()} for the report: its
 * fingerprint, producer, IR version, opsets, graph name, input and output types, and the model's own
 * metadata as {@code onnx.metadata.<key>} (except the feature mapping, which the model info holds).
 */
final class OnnxMetadata {
    private OnnxMetadata() {
    }

    static Map<String, String> describe(byte[] bytes, OnnxMl.ModelProto proto, OrtSession session) throws OrtException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("fingerprint", Fingerprint.of(bytes));
        metadata.put("producer", proto.getProducerName());
        metadata.put("producer.version", proto.getProducerVersion());
        metadata.put("ir.version", Long.toString(proto.getIrVersion()));
        List<String> opsets = new ArrayList<>();
        proto.getOpsetImportList().forEach(o -> opsets.add((o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain()) + "="
                + o.getVersion()));
        metadata.put("opsets", String.join(", ", opsets));
        metadata.put("graph", proto.getGraph().getName());
        session.getInputInfo().forEach((n, i) -> metadata.put("input." + n, describe(i.getInfo())));
        session.getOutputInfo().forEach((n, i) -> metadata.put("output." + n, describe(i.getInfo())));
        session.getMetadata().getCustomMetadata().forEach((k, v) -> {
            if (!k.equals(OnnxModel.FEATURES_KEY)) {
                metadata.put("onnx.metadata." + k, v);
            }
        });
        return metadata;
    }

    /** A type as the report shows it, e.g. {@code float[-1, 61]} or {@code seq(map(string, float))}. */
    static String describe(ValueInfo v) {
        if (v instanceof TensorInfo t) {
            return t.type.name().toLowerCase(Locale.ROOT) + Arrays.toString(t.getShape());
        }
        if (v instanceof SequenceInfo s && s.isSequenceOfMaps()) {
            MapInfo m = s.mapInfo;
            return "seq(map(" + m.keyType.name().toLowerCase(Locale.ROOT) + ", " + m.valueType.name().toLowerCase(Locale.ROOT) + "))";
        }
        return v.toString();
    }
}
