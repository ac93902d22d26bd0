package dev.assay.core.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the checks of a {@link Suite} independently and collects their results in suite order.
 * A check whose {@linkplain Check#requirements() requirements} the context does not meet is
 * {@code SKIPPED} with the reason, without running. The others run in parallel on a fixed pool,
 * except checks that {@linkplain Check#runsAlone() run alone}: those run afterwards, one at a time,
 * with nothing beside them. A check that throws despite its contract is reported as {@code ERROR}
 * and the others still run; errors of the virtual machine (out of memory) end the run.
 */
public final class SuiteRunner {
    private final int threads;
    private final Progress progress;

    /** A runner using one thread per available processor. */
    public SuiteRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A runner using {@code threads} threads (1 runs the checks one after the other). */
    public SuiteRunner(int threads) {
        this(threads, Progress.NONE);
    }

    private SuiteRunner(int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    /** The same runner reporting each finished check to {@code progress}. */
    public SuiteRunner withProgress(Progress progress) {
        return new SuiteRunner(threads, progress);
    }

    /** Runs every check of {@code suite} on {@code context}; the result's provenance gains each check's settings. */
    public SuiteResult run(Suite suite, CheckContext context, Provenance provenance) {
        long start = System.nanoTime();
        List<Check> checks = suite.checks();
        CheckResult[] results = new CheckResult[checks.size()];
        List<Integer> alone = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, checks.size())),
                DaemonThreads.named("assay-check"));
        progress.begin("checks", checks.size());
        try {
            Map<Integer, Future<CheckResult>> running = new LinkedHashMap<>();
            for (int i = 0; i < checks.size(); i++) {
                Check check = checks.get(i);
                Optional<String> unmet = check.requirements().unmetBy(context);
                if (unmet.isPresent()) {
                    results[i] = skipped(check, unmet.get());
                    progress.advance(check.name());
                } else if (check.runsAlone()) {
                    alone.add(i);
                } else {
                    running.put(i, pool.submit(() -> reported(check, context)));
                }
            }
            running.forEach((i, future) -> results[i] = await(future, checks.get(i)));
            for (int i : alone) {
                Check check = checks.get(i);
                results[i] = await(pool.submit(() -> reported(check, context)), check);
            }
        } finally {
            pool.shutdownNow();
            progress.end();
        }
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        checks.forEach(c -> settings.put(c.name(), c.settings()));
        return new SuiteResult(suite.name(), suite.description(), List.of(results), provenance.withChecks(settings),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private CheckResult reported(Check check, CheckContext context) {
        try {
            return check.run(context);
        } finally {
            progress.advance(check.name());
        }
    }

    private static CheckResult skipped(Check check, String reason) {
        return new CheckResult(check.name(), check.kind(), Status.SKIPPED, reason, List.of(), List.of(), List.of(),
                List.of(), List.of(), Duration.ZERO);
    }

    private static CheckResult await(Future<CheckResult> future, Check check) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.error(check.name(), check.kind(), "Interrupted before the check finished.", Duration.ZERO);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
                throw fatal;
            }
            return CheckResult.error(check.name(), check.kind(), "Internal error while running the check: " + e.getCause()
                    + ". This is a defect in Assay; please report it with the suite file.", Duration.ZERO);
        }
    }
}
