package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.RunStore.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunStoreTest {
    private static final Namespace A = Namespace.of(RunStoreTest.class, "a");
    private static final Namespace B = Namespace.of(RunStoreTest.class, "b");

    @Test
    void concurrentCallersComputeOnceAndAllGetTheSameValue() throws Exception {
        RunStore store = new RunStore();
        int callers = 16;
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<StringBuilder>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return store.in(A).getOrCompute("key", StringBuilder.class, () -> {
                        computations.incrementAndGet();
                        return new StringBuilder("value");
                    });
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            StringBuilder first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<StringBuilder> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(computations.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namespacesKeepEqualKeysApart() {
        RunStore store = new RunStore();
        assertThat(store.in(A).getOrCompute("k", String.class, () -> "in a")).isEqualTo("in a");
        assertThat(store.in(B).getOrCompute("k", String.class, () -> "in b")).isEqualTo("in b");
        assertThat(store.in(A).getOrCompute("k", String.class, () -> "again")).isEqualTo("in a");
    }

    @Test
    void readingAValueAsAnotherTypeNamesBoth() {
        RunStore store = new RunStore();
        store.in(A).getOrCompute("k", String.class, () -> "text");
        assertThatThrownBy(() -> store.in(A).getOrCompute("k", Integer.class, () -> 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the run store holds a java.lang.String under k in Namespace[parts=[class "
                        + "dev.assay.core.check.RunStoreTest, a]], not a java.lang.Integer; two callers share a key for "
                        + "different values");
    }

    @Test
    void aFailedComputationIsRethrownToEveryCaller() {
        RunStore store = new RunStore();
        AtomicInteger computations = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> store.in(A).getOrCompute("k", String.class, () -> {
                computations.incrementAndGet();
                throw new IllegalArgumentException("bad data");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad data");
        }
        assertThat(computations.get()).isEqualTo(1);
    }
}
