package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSweepTest {
    /** A model costing 1 ms a call plus 0.05 ms a row, per worker, on two cores. */
    private static LoadResult model(int batch, int workers) {
        double callMs = 1 + 0.05 * batch;
        double rps = Math.min(workers, 2) * 1000 / callMs;
        return MaxRateSearchTest.result(Double.NaN, rps, callMs * Math.max(1, workers / 2.0), 0);
    }

    @Test
    void runsEveryPairInOrderAndPicksTheMostRowsThatMeetTheObjective() throws InterruptedException {
        List<String> calls = new ArrayList<>();
        BatchSweep.Outcome o = BatchSweep.run(List.of(1, 16, 128), List.of(1, 2), (b, w) -> {
            calls.add(b + "x" + w);
            return model(b, w);
        });
        assertThat(calls).containsExactly("1x1", "1x2", "16x1", "16x2", "128x1", "128x2");
        BatchSweep.Point p = o.points().get(3);
        assertThat(p.rowsPerSecond()).isEqualTo(p.result().throughputRps() * 16);
        // 128 rows at 2 workers: 2 * 1000 / 7.4 calls/s = 34,595 rows/s, the most
        assertThat(o.best(r -> true)).get().extracting(BatchSweep.Point::batchSize, BatchSweep.Point::workers).containsExactly(128, 2);
        // with p99 under 5 ms, 128 rows (7.4 ms a call) is out: 16 rows at 2 workers (1.8 ms) is the best left
        assertThat(o.best(r -> r.latencyMs().p99() < 5)).get().extracting(BatchSweep.Point::batchSize, BatchSweep.Point::workers)
                .containsExactly(16, 2);
        assertThat(o.best(r -> r.latencyMs().p99() < 0.5)).isEmpty();
    }

    @Test
    void refusesEmptyOrNonPositiveLists() {
        assertThatThrownBy(() -> BatchSweep.run(List.of(), List.of(1), BatchSweepTest::model)).hasMessageContaining("batch sizes");
        assertThatThrownBy(() -> BatchSweep.run(List.of(4), List.of(0), BatchSweepTest::model)).hasMessageContaining("worker counts");
    }
}
