package dev.assay.models.onnx;

/**
 * Which outputs of an ONNX graph Assay reads; a regressor has {@code value}, a classifier
 * {@code label} and/or {@code probabilities}.
 *
 * @param label the predicted-label output (string or int64 tensor), or null
 * @param probabilities the class-probability output, or null
 * @param zipMap whether the probabilities are a ZipMap sequence of maps rather than a tensor
 * @param pinnable whether the probabilities are a 2-D float tensor that ONNX Runtime can write
 *     straight into a buffer of ours
 * @param value the regression output, or null
 */
record OnnxOutputs(String label, String probabilities, boolean zipMap, boolean pinnable, String value) {
}
