package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * A 95 % percentile bootstrap interval of roc_auc from 1,000 stratified resamples, through
 * {@link MetricIntervals#of} (the path of metric checks and {@code assay evaluate --ci}), which
 * computes roc_auc replicates over scores sorted once. {@code reEvaluate} times, for comparison, what
 * that path did before for every metric and still does for the others: evaluate each resample anew
 * ({@code Evaluator.evaluate} on {@code Frame.slice} of the drawn rows, in parallel over resamples).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"})
public class BootstrapIntervalBenchmark {
    static final int RESAMPLES = 1000;
    static final IntervalSettings CI = new IntervalSettings(IntervalMethod.PERCENTILE, RESAMPLES, 0.95);

    @Param({"1000000"})
    int rows;

    /** Scores rounded to 4 decimals (about 10,000 distinct) or continuous (about one per row). */
    @Param({"rounded", "continuous"})
    String scores;

    Problem problem;

    /** A frame of {@code rows} synthetic rows ({@link BinaryData}) and its evaluation. */
    record Problem(Frame frame, Schema schema, Evaluation evaluation, int[][] strata) {
        static Problem of(int rows, boolean rounded) {
            BinaryData data = BinaryData.generate(rows, 20261128L, rounded);
            double[] label = new double[rows];
            for (int i = 0; i < rows; i++) {
                label[i] = data.truth()[i] ? 1 : 0;
            }
            Frame frame = Frame.of(NumericColumn.of("y", label), NumericColumn.of("p", data.score()));
            Schema schema = Schema.builder().label("y").score("p").build();
            Evaluation evaluation = Evaluator.evaluate(frame, schema, EvaluationSettings.defaults());
            int[][] strata = {IntStream.range(0, rows).filter(i -> !data.truth()[i]).toArray(),
                    IntStream.range(0, rows).filter(i -> data.truth()[i]).toArray()};
            return new Problem(frame, schema, evaluation, strata);
        }
    }

    @Setup(Level.Trial)
    public void generate() {
        problem = Problem.of(rows, scores.equals("rounded"));
    }

    @Benchmark
    public double rocAucInterval() {
        IntervalEstimate e = MetricIntervals.of(problem.frame(), problem.schema(), EvaluationSettings.defaults(),
                problem.evaluation(), List.of("roc_auc"), CI, 7).get("roc_auc");
        return e.interval().lower() + e.interval().upper();
    }

    /** The smaller data the re-evaluating path is timed on. */
    @State(Scope.Benchmark)
    public static class Small {
        @Param({"20000"})
        int slowRows;

        Problem problem;

        @Setup(Level.Trial)
        public void generate() {
            problem = Problem.of(slowRows, true);
        }
    }

    @Benchmark
    public double rocAucIntervalSmall(Small small) {
        IntervalEstimate e = MetricIntervals.of(small.problem.frame(), small.problem.schema(), EvaluationSettings.defaults(),
                small.problem.evaluation(), List.of("roc_auc"), CI, 7).get("roc_auc");
        return e.interval().lower() + e.interval().upper();
    }

    @Benchmark
    public double reEvaluateSmall(Small small) {
        Problem p = small.problem;
        SplittableRandom root = new SplittableRandom(7);
        SplittableRandom[] streams = new SplittableRandom[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            streams[b] = root.split();
        }
        double[] replicates = new double[RESAMPLES];
        IntStream.range(0, RESAMPLES).parallel().forEach(b -> {
            int[] drawn = new int[p.frame().rowCount()];
            int k = 0;
            for (int[] s : p.strata()) {
                for (int i = 0; i < s.length; i++) {
                    drawn[k++] = s[streams[b].nextInt(s.length)];
                }
            }
            replicates[b] = Evaluator.evaluate(p.frame().slice(drawn), p.schema(), EvaluationSettings.defaults())
                    .metric("roc_auc").value();
        });
        double sum = 0;
        for (double r : replicates) {
            sum += r;
        }
        return sum;
    }
}
