package dev.assay.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The bookkeeping of the generator with in-process targets; latencies are asserted only in the CLI's loopback tests. */
class LoadGeneratorTest {

    @Test
    void failuresAreCountedByKindAndWarmUpIsNotMeasured() throws InterruptedException {
        List<Interval> seen = new CopyOnWriteArrayList<>();
        LoadTarget target = sequence -> {
            if (sequence % 10 == 1) {
                throw new ConnectException("refused");
            }
            if (sequence % 10 == 2) {
                throw new IOException("wrapped", new TimeoutException());
            }
            if (sequence % 10 == 3) {
                throw new IllegalStateException("bad answer");
            }
        };
        LoadPlan plan = LoadPlan.openLoop(200, Duration.ofMillis(500)).withWarmup(Duration.ofMillis(200))
                .withInterval(Duration.ofMillis(100));
        LoadResult r = new LoadGenerator(FailureKinds.DEFAULT, -1, seen::add).run(target, plan);
        assertThat(r.sent()).isEqualTo(100);
        assertThat(r.errors()).containsEntry("connection_refused", 10L).containsEntry("timeout", 10L)
                .containsEntry("IllegalStateException", 10L);
        assertThat(r.latencyMs().count()).isEqualTo(70);
        assertThat(r.lateOrDropped()).isZero();
        assertThat(r.caveat()).isNull();
        assertThat(seen).isNotEmpty();
        assertThat(r.intervals().stream().mapToLong(Interval::errors).sum()).isEqualTo(30);
        assertThat(r.resources().pid()).isEqualTo(-1);
        assertThat(r.resources().cpuPercent()).isNaN();
    }

    @Test
    void aTargetThatHangsMakesSendsLateThenDroppedAndIsCountedUnfinished() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        LoadTarget hangs = sequence -> never.await(10, TimeUnit.SECONDS);
        LoadPlan plan = LoadPlan.openLoop(100, Duration.ofMillis(300)).withConcurrency(2).withDrain(Duration.ofMillis(50));
        LoadResult r = new LoadGenerator(FailureKinds.DEFAULT, ProcessHandle.current().pid(), i -> { }).run(hangs, plan);
        assertThat(r.sent()).isEqualTo(2);
        assertThat(r.late()).isZero();
        assertThat(r.dropped()).isEqualTo(28);
        assertThat(r.errors()).containsEntry("unfinished", 2L);
        assertThat(r.latencyMs().count()).isZero();
        assertThat(r.throughputRps()).isNaN();
        assertThat(r.resources().maxRssMb()).isPositive();
    }

    @Test
    void closedLoopWorkersSendBackToBackWithinTheTime() throws InterruptedException {
        LoadTarget quick = sequence -> { };
        LoadResult r = new LoadGenerator(FailureKinds.DEFAULT, -1, i -> { })
                .run(quick, LoadPlan.closedLoop(2, Duration.ofMillis(200)));
        assertThat(r.mode()).isEqualTo("closed");
        assertThat(r.requestedRps()).isNaN();
        assertThat(r.sent()).isPositive().isEqualTo(r.latencyMs().count());
        assertThat(r.caveat()).contains("coordinated omission");
    }
}
