package dev.assay.core.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the checks of a {@link Suite} independently, in parallel on a fixed pool, and collects their
 * results in suite order. A check that throws despite its contract is reported as {@code ERROR};
 * the others still run.
 */
public final class SuiteRunner {
    private final int threads;

    /** A runner using one thread per available processor. */
    public SuiteRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A runner using {@code threads} threads (1 runs the checks one after the other). */
    public SuiteRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs every check of {@code suite} on {@code context}. */
    public SuiteResult run(Suite suite, CheckContext context, Provenance provenance) {
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, suite.checks().size())),
                DaemonThreads.named("assay-check"));
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Check check : suite.checks()) {
                futures.add(pool.submit(() -> check.run(context)));
            }
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), suite.checks().get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        return new SuiteResult(suite.name(), suite.description(), results, provenance,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static CheckResult await(Future<CheckResult> future, Check check) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.error(check.name(), check.kind(), "Interrupted before the check finished.", Duration.ZERO);
        } catch (ExecutionException e) {
            return CheckResult.error(check.name(), check.kind(), "Internal error while running the check: " + e.getCause()
                    + ". This is a defect in Assay; please report it with the suite file.", Duration.ZERO);
        }
    }
}
