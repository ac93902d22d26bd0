package dev.assay.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a frame through an ONNX session in batches of a fixed number of rows, up to a given number
 * of batches at once: each worker takes every n-th batch with an {@link InputEncoder} and output
 * buffer of its own. Probabilities go straight into one result where ONNX Runtime can write them
 * ({@link PinnedProbabilities}); other outputs are decoded per batch and joined.
 */
final class BatchRunner {
    private final Path file;
    private final OrtSession session;
    private final ModelInfo info;
    private final OnnxSignature signature;
    private final OutputDecoder decoder;
    private final int batchSize;
    private final int parallelBatches;

    BatchRunner(Path file, OrtSession session, ModelInfo info, OnnxSignature signature, int batchSize, int parallelBatches) {
        this.file = file;
        this.session = session;
        this.info = info;
        this.signature = signature;
        this.decoder = new OutputDecoder(info.name(), signature.outputs(), signature.classes());
        this.batchSize = batchSize;
        this.parallelBatches = parallelBatches;
    }

    Predictions predict(Frame frame) {
        boolean dense = signature.dense();
        FeatureMapping.Bound bound = dense ? info.features().bind(frame, info.name()) : null;
        List<Column> columns = dense ? List.of() : InputEncoder.columns(frame, signature.inputs(), info.name());
        int rows = frame.rowCount();
        int batches = (rows + batchSize - 1) / batchSize;
        if (batches == 0) {
            return Predictions.empty(info);
        }
        int workers = Math.min(parallelBatches, batches);
        Predictions[] parts = new Predictions[batches];
        PinnedProbabilities pinned = signature.outputs().pinnable()
                ? new PinnedProbabilities(signature.outputs().probabilities(), signature.classes(), rows) : null;
        if (workers == 1) {
            new Worker(frame, bound, columns, pinned).run(0, 1, parts);
        } else {
            runInParallel(workers, frame, bound, columns, pinned, parts);
        }
        return pinned != null ? pinned.predictions() : Predictions.concat(List.of(parts));
    }

    private void runInParallel(int workers, Frame frame, FeatureMapping.Bound bound, List<Column> columns, PinnedProbabilities pinned,
            Predictions[] parts) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("assay-onnx-batch"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                done.add(pool.submit(() -> new Worker(frame, bound, columns, pinned).run(first, workers, parts)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("Interrupted while model " + info.name() + " was predicting.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Encodes and runs every {@code stride}-th batch from {@code first}, with buffers of its own. */
    private final class Worker {
        private final Frame frame;
        private final InputEncoder encoder;
        private final PinnedProbabilities pinned;
        private final FloatBuffer pinnedBuffer;

        Worker(Frame frame, FeatureMapping.Bound bound, List<Column> columns, PinnedProbabilities pinned) {
            this.frame = frame;
            int capacity = Math.min(batchSize, Math.max(frame.rowCount(), 1));
            this.encoder = new InputEncoder(signature.inputs(), bound, columns, capacity);
            this.pinned = pinned;
            this.pinnedBuffer = pinned != null ? pinned.buffer(capacity) : null;
        }

        void run(int first, int stride, Predictions[] parts) {
            for (int batch = first; batch < parts.length; batch += stride) {
                int from = batch * batchSize;
                int to = Math.min(frame.rowCount(), from + batchSize);
                Map<String, OnnxTensor> feed = new HashMap<>();
                try {
                    encoder.encode(from, to, feed);
                    if (pinned != null) {
                        pinned.run(session, feed, from, to, pinnedBuffer);
                    } else {
                        try (OrtSession.Result result = session.run(feed, decoder.wanted())) {
                            parts[batch] = decoder.decode(result, to - from);
                        }
                    }
                } catch (OrtException e) {
                    throw new InvalidInputException("ONNX Runtime failed on rows " + (from + 1) + " to " + to + " of "
                            + (frame.source() == null ? "the data" : frame.source()) + " with model " + info.name() + " (" + file
                            + "): " + e.getMessage(), e);
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            }
        }
    }
}
