package dev.assay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.registry.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concurrent alias moves, from threads and from separate processes, lose no log entry and each
 * entry's {@code from} is the previous entry's {@code to}.
 */
class ConcurrentAliasMovesTest {
    @TempDir
    Path dir;

    static Stream<Named<Function<Path, Database>>> backends() {
        return Backends.all().stream();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void threadsLoseNoMove(Function<Path, Database> backend) throws Exception {
        Database db = backend.apply(dir);
        ModelRegistry registry = prepared(db);
        int threads = 6;
        int moves = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String who = "thread-" + t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < moves; i++) {
                    registry.promote("credit", "production", 1 + i % 2, who, "move " + i, PromotionGate.NONE);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertConsistent(registry.log("credit"), threads * moves, threads);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void processesLoseNoMove(Function<Path, Database> backend) throws Exception {
        Database db = backend.apply(dir);
        ModelRegistry registry = prepared(db);
        String url = db.description();
        int moves = 20;
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), AliasMover.class.getName(), url, dir.resolve("artifacts").toString(),
                    Integer.toString(moves), "process-" + p).redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        assertConsistent(registry.log("credit"), 2 * moves, 2);
    }

    private ModelRegistry prepared(Database db) throws IOException {
        ModelRegistry registry = ModelRegistry.on(db, dir.resolve("artifacts"), Clock.systemUTC());
        registry.register("credit", ModelRegistryTest.LOGISTIC, Map.of(), Lineage.NONE, "setup");
        registry.register("credit", ModelRegistryTest.FOREST, Map.of(), Lineage.NONE, "setup");
        return registry;
    }

    private static void assertConsistent(List<AliasMove> log, int expected, int writers) {
        assertThat(log).hasSize(expected);
        assertThat(log.get(0).from()).isNull();
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).from()).as("move %d starts where move %d ended", i, i - 1).isEqualTo(log.get(i - 1).to());
            assertThat(log.get(i).at()).isAfterOrEqualTo(log.get(i - 1).at());
        }
        assertThat(log.stream().map(AliasMove::by).distinct()).hasSize(writers);
    }
}
