package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.io.DataReader;
import dev.assay.models.http.HttpModel;
import dev.assay.models.http.InferenceServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rows per second of {@link HttpModel} scoring through an {@link InferenceServer} on loopback, per
 * batch size, with one client thread. The served model is a fixed logistic function over the
 * German credit feature mapping (7 numeric inputs and 7 one-hot encoded columns, 44 inputs), so
 * the time measured is encoding, HTTP and JSON, not the model.
 *
 * <p>Usage: {@code HttpScoringThroughput [CSV] [BATCH_SIZE...]}; by default
 * {@code examples/german-credit/german_credit.csv} and batch sizes 1, 64 and 1024. Prints the best
 * of three timed runs after one warm-up run per batch size.
 */
public final class HttpScoringThroughput {
    private static final List<String> NUMERIC = List.of("duration", "credit_amount", "installment_commitment", "residence_since",
            "age", "existing_credits", "num_dependents");
    private static final List<String> ONE_HOT = List.of("checking_status", "credit_history", "purpose", "savings_status",
            "employment", "personal_status", "housing");

    private HttpScoringThroughput() {
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "examples/german-credit/german_credit.csv");
        int[] batchSizes = args.length > 1 ? IntStream.range(1, args.length).map(i -> Integer.parseInt(args[i])).toArray()
                : new int[] {1, 64, 1024};
        Frame data = new DataReader().read(csv, "bench").frame();
        List<FeatureMapping.Feature> features = new ArrayList<>();
        NUMERIC.forEach(c -> features.add(FeatureMapping.Feature.numeric(c)));
        ONE_HOT.forEach(c -> features.add(FeatureMapping.Feature.oneHot(c, ((CategoricalColumn) data.column(c)).levels())));
        FeatureMapping mapping = new FeatureMapping(features);
        FixedLogistic model = new FixedLogistic(mapping);
        try (InferenceServer server = InferenceServer.start(model, "credit")) {
            for (int batch : batchSizes) {
                int rows = batch == 1 ? 5_000 : batch < 256 ? 50_000 : 200_000;
                Frame frame = data.slice(IntStream.range(0, rows).map(i -> i % data.rowCount()).toArray());
                try (HttpModel remote = HttpModel.openInference(server.baseUri(), "credit").features(mapping).batchSize(batch)
                        .build()) {
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

    /** P(first class) = sigmoid(sum of x_j * w_j) with small fixed weights. */
    private static final class FixedLogistic implements Model {
        private final ModelInfo info;
        private final double[] weights;

        FixedLogistic(FeatureMapping mapping) {
            this.info = new ModelInfo("fixed-logistic", "java", Task.BINARY, List.of("bad", "good"), mapping,
                    new ModelCapabilities(true, false, true, 4096), Map.of());
            this.weights = IntStream.range(0, mapping.width()).mapToDouble(j -> ((j % 5) - 2) * 1e-4).toArray();
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public Predictions predict(Frame features) {
            FeatureMapping.Bound bound = info.features().bind(features, info.name());
            int n = features.rowCount();
            int w = bound.width();
            double[] x = new double[n * w];
            bound.fill(0, n, x);
            int[] predicted = new int[n];
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < w; j++) {
                    z += weights[j] * x[i * w + j];
                }
                p[2 * i] = 1 / (1 + Math.exp(-z));
                p[2 * i + 1] = 1 - p[2 * i];
                predicted[i] = p[2 * i] >= 0.5 ? 0 : 1;
            }
            return new ClassPredictions(info.classes(), predicted, p);
        }
    }
}
