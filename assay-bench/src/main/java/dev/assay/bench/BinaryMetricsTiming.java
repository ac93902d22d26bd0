package dev.assay.bench;

import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.io.IOException;
import java.util.Locale;

/**
 * The Java side of {@code scripts/compare_binary_metrics.sh}: times binary evaluation on the data
 * files the script also gives scikit-learn, after warm-up, and prints the values so that the
 * script can show they agree.
 *
 * <p>Usage: {@code BinaryMetricsTiming PREFIX REPEATS}
 */
public final class BinaryMetricsTiming {
    private BinaryMetricsTiming() {
    }

    public static void main(String[] args) throws IOException {
        BinaryData data = BinaryData.read(args[0]);
        int repeats = Integer.parseInt(args[1]);
        for (int i = 0; i < 3; i++) {
            BinaryEvaluationBenchmark.evaluateAll(data);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            BinaryEvaluationBenchmark.evaluateAll(data);
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s%n", r + 1, seconds);
        }
        Evaluation e = Evaluator.binary(data.truth(), data.score(), null, null, EvaluationSettings.defaults());
        StringBuilder values = new StringBuilder("values:");
        for (String id : BinaryEvaluationBenchmark.METRICS) {
            values.append(String.format(Locale.ROOT, " %s=%.12f", id, e.metric(id).value()));
        }
        System.out.println(values);
        System.out.printf(Locale.ROOT, "best_seconds=%.4f%n", best);
    }
}
