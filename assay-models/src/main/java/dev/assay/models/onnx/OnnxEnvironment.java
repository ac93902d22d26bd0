package dev.assay.models.onnx;

import ai.onnxruntime.OrtEnvironment;

/** The process-wide ONNX Runtime environment, created on first use. */
final class OnnxEnvironment {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OnnxEnvironment() {
    }
}
