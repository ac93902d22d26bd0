package dev.assay.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.assay.core.model.ClassPredictions;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class probabilities of a whole predict call when the model gives them as a 2-D float
 * tensor: ONNX Runtime writes each batch straight into a direct buffer of the worker that runs it
 * (no output tensor to copy from), and the batch is widened into one result for all rows, each row
 * predicted as its most probable class. Float32 rounding just outside [0, 1] is pinned
 * ({@link Float32Probability}). Batches write disjoint rows, so workers share one instance.
 */
final class PinnedProbabilities {
    private final String output;
    private final List<String> classes;
    private final double[] probabilities;
    private final int[] predicted;

    PinnedProbabilities(String output, List<String> classes, int rows) {
        this.output = output;
        this.classes = classes;
        this.probabilities = new double[rows * classes.size()];
        this.predicted = new int[rows];
    }

    /** A buffer for one worker, for batches of at most {@code capacity} rows. */
    FloatBuffer buffer(int capacity) {
        return (FloatBuffer) InputEncoder.directBuffer(capacity * classes.size(), false);
    }

    /** Runs rows {@code from} to {@code to} with the output written into {@code target}, then widens it into the result. */
    void run(OrtSession session, Map<String, OnnxTensor> feed, int from, int to, FloatBuffer target) throws OrtException {
        int k = classes.size();
        int n = (to - from) * k;
        target.clear().limit(n);
        try (OnnxTensor out = OnnxTensor.createTensor(OnnxEnvironment.ENV, target, new long[] {to - from, k});
                OrtSession.Result result = session.run(feed, Set.of(), Map.of(output, out))) {
            for (int i = 0, at = from * k; i < n; i++, at++) {
                probabilities[at] = Float32Probability.widen(target.get(i));
            }
            ClassPredictions.mostProbable(probabilities, k, from, to, predicted);
        }
    }

    /** The result, once every batch has run. */
    ClassPredictions predictions() {
        return new ClassPredictions(classes, predicted, probabilities);
    }
}
