package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Answers under load compared with those at rest, with models that mix up or truncate answers after a number of calls. */
class ConsistencyTargetTest {
    private static final Frame ROWS = Frame.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8));

    @Test
    void aModelThatSometimesAnswersAnotherBatchIsCaughtRowByRow() throws InterruptedException {
        // batches of 2 rows: 4 distinct batches; every 5th call after the 4 at rest answers x + 1 (another batch's values)
        ConsistencyTarget t = ConsistencyTarget.atRest(new ModelTarget(new Shifting(4, 5), ROWS, 2), 0);
        LoadResult r = new LoadGenerator(FailureKinds.DEFAULT, -1, i -> { }).run(t, LoadPlan.openLoop(500, Duration.ofMillis(200)));
        assertThat(t.requests()).isEqualTo(100);
        assertThat(t.mismatchedRequests()).isEqualTo(20);
        assertThat(t.rows()).isEqualTo(200);
        assertThat(t.mismatchedRows()).isEqualTo(40);
        assertThat(r.errorCount()).isZero();
    }

    @Test
    void aMatchingModelHasNoMismatchesAndToleranceAndNanAreHonoured() {
        ConsistencyTarget t = ConsistencyTarget.atRest(new ModelTarget(new Shifting(4, Integer.MAX_VALUE), ROWS, 2), 0);
        for (long i = 0; i < 10; i++) {
            t.call(i);
        }
        assertThat(t.mismatchedRows()).isZero();
        assertThat(t.requests()).isEqualTo(10);
        List<String> classes = List.of("a", "b");
        Predictions p = new ClassPredictions(classes, new int[] {0, 1}, new double[] {0.6, 0.4, 0.3, 0.7});
        assertThat(t.mismatches(p, new ClassPredictions(classes, new int[] {0, 1}, new double[] {0.6, 0.4, 0.3, 0.7}))).isZero();
        assertThat(t.mismatches(p, new ClassPredictions(classes, new int[] {0, 0}, new double[] {0.6, 0.4, 0.3, 0.7}))).isEqualTo(1);
        assertThat(t.mismatches(p, new ClassPredictions(classes, new int[] {0, 1}, new double[] {0.6, 0.4, 0.3 + 1e-6, 0.7})))
                .isEqualTo(1);
        assertThat(ConsistencyTarget.atRest(new ModelTarget(new Shifting(4, 1), ROWS, 2), 1e-5)
                .mismatches(new ValuePredictions(new double[] {Double.NaN, 1}), new ValuePredictions(new double[] {Double.NaN, 1 + 1e-6})))
                .isZero();
        assertThat(t.mismatches(new ValuePredictions(new double[] {Double.NaN}), new ValuePredictions(new double[] {1}))).isEqualTo(1);
    }

    @Test
    void aTruncatedAnswerFailsTheRequest() {
        Model truncating = new Shifting(0, Integer.MAX_VALUE) {
            @Override
            public Predictions predict(Frame features) {
                return new ValuePredictions(new double[features.rowCount() - 1]);
            }
        };
        assertThatThrownBy(() -> ConsistencyTarget.atRest(new ModelTarget(truncating, ROWS, 2), 0))
                .isInstanceOf(ModelTarget.TruncatedAnswerException.class).hasMessageContaining("sent 2 rows, got 1");
    }

    /** Predicts x, but from call {@code from} on, every {@code every}-th call predicts x + 1. */
    private static class Shifting implements Model {
        private final AtomicInteger calls = new AtomicInteger();
        private final int from;
        private final int every;

        Shifting(int from, int every) {
            this.from = from;
            this.every = every;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("shifting", "test", Task.REGRESSION, List.of(), new FeatureMapping(List.of(FeatureMapping.Feature
                    .numeric("x"))), new ModelCapabilities(false, false, true, 100), Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            int call = calls.getAndIncrement();
            double shift = call >= from && (call - from) % every == every - 1 ? 1 : 0;
            double[] x = ((NumericColumn) features.column("x")).toArray();
            return new ValuePredictions(Arrays.stream(x).map(v -> v + shift).toArray());
        }
    }
}
