package dev.assay.models.training;

import ai.onnx.proto.OnnxMl;
import dev.assay.models.onnx.OnnxModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An example ONNX classifier rewritten to name its classes by index, as scikit-learn exports a
 * classifier trained on {@code LabelEncoder}-encoded labels: the tree ensemble's classes become
 * {@code classlabels_int64s} {@code 0 .. k-1} in sorted order of the class names, the label output
 * int64, and the class names leave the metadata. The trees and their leaf weights are unchanged.
 * {@code examples/models/german_credit_forest_indices.onnx} is the German-credit forest so rewritten.
 */
public final class ClassIndexModels {
    private ClassIndexModels() {
    }

    /**
     * The model with index classes; {@code labelOnly} also drops the probability output, leaving
     * the int64 label.
     */
    public static OnnxMl.ModelProto indexed(OnnxMl.ModelProto named, boolean labelOnly) {
        List<String> classes = new ArrayList<>();
        OnnxMl.ModelProto.Builder model = named.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto p : named.getMetadataPropsList()) {
            if (p.getKey().equals(OnnxModel.CLASSES_KEY)) {
                for (String c : p.getValue().replaceAll("[\\[\\]\"]", "").split(",")) {
                    classes.add(c.strip());
                }
            } else {
                model.addMetadataProps(p);
            }
        }
        List<String> sorted = classes.stream().sorted().toList();
        OnnxMl.GraphProto.Builder graph = model.getGraphBuilder();
        OnnxMl.NodeProto.Builder trees = graph.getNodeBuilder(0);
        for (int i = 0; i < trees.getAttributeCount(); i++) {
            OnnxMl.AttributeProto a = trees.getAttribute(i);
            if (a.getName().equals("class_ids")) {
                OnnxMl.AttributeProto.Builder ids = a.toBuilder().clearInts();
                a.getIntsList().forEach(c -> ids.addInts(sorted.indexOf(classes.get(c.intValue()))));
                trees.setAttribute(i, ids);
            } else if (a.getName().equals("classlabels_strings")) {
                OnnxMl.AttributeProto.Builder ints = OnnxMl.AttributeProto.newBuilder().setName("classlabels_int64s")
                        .setType(OnnxMl.AttributeProto.AttributeType.INTS);
                for (long c = 0; c < classes.size(); c++) {
                    ints.addInts(c);
                }
                trees.setAttribute(i, ints);
            }
        }
        for (int i = graph.getOutputCount() - 1; i >= 0; i--) {
            if (graph.getOutput(i).getName().equals("label")) {
                graph.getOutputBuilder(i).getTypeBuilder().getTensorTypeBuilder().setElemType(OnnxMl.TensorProto.DataType.INT64_VALUE);
            } else if (labelOnly) {
                graph.removeOutput(i);
            }
        }
        return model.build();
    }

    /** The model with only its label output, as it names its classes. */
    public static OnnxMl.ModelProto labelOnly(OnnxMl.ModelProto named) {
        OnnxMl.ModelProto.Builder model = named.toBuilder();
        OnnxMl.GraphProto.Builder graph = model.getGraphBuilder();
        for (int i = graph.getOutputCount() - 1; i >= 0; i--) {
            if (!graph.getOutput(i).getName().equals("label")) {
                graph.removeOutput(i);
            }
        }
        return model.build();
    }
}
