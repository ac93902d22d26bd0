package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Predictions;
import dev.assay.io.DataReader;
import dev.assay.models.http.HttpModel;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Rows per second of {@link HttpModel} scoring through {@link InferenceServer} on loopback, per batch
 * size: the example German-credit random forest ({@code examples/models/german_credit_forest.onnx},
 * 61 inputs from 20 columns) served over the Open Inference Protocol v2, as {@code assay serve-model}
 * serves it, and called by the HTTP adapter with the feature mapping the server publishes.
 *
 * <p>Usage: {@code HttpScoringThroughput [MODEL.onnx] [CSV] [BATCH_SIZE...]}; by default the forest,
 * {@code examples/german-credit/german_credit.csv} and batch sizes 1, 64 and 1024. Prints the best
 * of three timed runs after one warm-up run per batch size.
 */
public final class HttpScoringThroughput {
    private HttpScoringThroughput() {
    }

    public static void main(String[] args) {
        Path modelFile = Path.of(args.length > 0 ? args[0] : "examples/models/german_credit_forest.onnx");
        Path csv = Path.of(args.length > 1 ? args[1] : "examples/german-credit/german_credit.csv");
        int[] batchSizes = args.length > 2 ? IntStream.range(2, args.length).map(i -> Integer.parseInt(args[i])).toArray()
                : new int[] {1, 64, 1024};
        Frame data = new DataReader().read(csv, "bench").frame();
        try (OnnxModel model = OnnxModel.load(modelFile);
                InferenceServer server = InferenceServer.start(model, "credit")) {
            for (int batch : batchSizes) {
                int rows = batch == 1 ? 5_000 : batch < 256 ? 50_000 : 200_000;
                Frame frame = data.slice(IntStream.range(0, rows).map(i -> i % data.rowCount()).toArray());
                try (HttpModel remote = HttpModel.openInference(server.baseUri(), "credit").batchSize(batch).build()) {
                    remote.predict(frame);
                    double best = Double.MAX_VALUE;
                    for (int run = 0; run < 3; run++) {
                        long t0 = System.nanoTime();
                        Predictions p = remote.predict(frame);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        if (p.rows() != rows) {
                            throw new IllegalStateException("expected " + rows + " predictions, got " + p.rows());
                        }
                        best = Math.min(best, seconds);
                    }
                    System.out.printf(Locale.ROOT, "batch %5d: %8d rows in %.3f s = %,.0f rows/s (%,.0f requests/s)%n", batch, rows,
                            best, rows / best, Math.ceil(rows / (double) batch) / best);
                }
            }
        }
    }
}
