package dev.assay.bench;

import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Binary evaluation from arrays: confusion counts, precision, recall, f1, roc_auc,
 * average_precision, log_loss and brier_score, the same set that {@code compare_binary_metrics.sh}
 * times in scikit-learn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx8g"})
public class BinaryEvaluationBenchmark {
    /** The metrics timed on both sides of the comparison. */
    static final List<String> METRICS = List.of("precision", "recall", "f1", "roc_auc", "average_precision", "log_loss",
            "brier_score");

    @Param({"1000000", "10000000"})
    int rows;

    BinaryData data;

    @Setup(Level.Trial)
    public void generate() {
        data = BinaryData.generate(rows, 20261128L);
    }

    @Benchmark
    public double evaluate() {
        return evaluateAll(data);
    }

    /** Evaluates and reads every timed metric; returns their sum so that nothing is optimised away. */
    static double evaluateAll(BinaryData data) {
        Evaluation e = Evaluator.binary(data.truth(), data.score(), null, null, EvaluationSettings.defaults());
        double sum = 0;
        for (String id : METRICS) {
            sum += e.metric(id).value();
        }
        return sum + e.tables().size();
    }
}
