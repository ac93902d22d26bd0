package dev.assay.cli;

import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.RateProfile;
import dev.assay.core.load.StressTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One way {@code assay load} drives its target: a single run, a profile of steps, a search for the highest
 * sustained rate, a stress run or a batch sweep. Each runs in a {@link LoadSession}, writes its outcome with a
 * {@link LoadWriter} and answers the exit code: 0 when its objectives hold, 1 when they do not.
 */
interface LoadMode {
    /** The outcome written and the exit code. */
    Outcome run(LoadSession session, LoadWriter writer) throws InterruptedException;

    /** What a mode wrote and whether its objectives held. */
    record Outcome(String output, boolean met) {
        int exitCode() {
            return met ? ExitCode.PASS : ExitCode.FAIL;
        }
    }

    /** One run of the session's plan, judged by the objectives (errors break them). */
    static LoadMode single(LoadObjectives objectives) {
        return (session, writer) -> {
            LoadResult r = session.run(session.plan(), null);
            return new Outcome(writer.run(r, objectives), objectives.isEmpty() || objectives.met(r));
        };
    }

    /** The steps of a rate profile in turn, the warm-up before the first only. */
    static LoadMode profile(RateProfile steps, LoadObjectives objectives) {
        return (session, writer) -> {
            List<LoadResult> results = new ArrayList<>();
            for (int i = 0; i < steps.steps().size(); i++) {
                RateProfile.Step step = steps.steps().get(i);
                LoadPlan p = session.plan().withRate(step.rate()).withDuration(step.duration());
                results.add(session.run(i == 0 ? p : p.withWarmup(Duration.ZERO), String.format(Locale.ROOT, "step=%d,rate=%.3f",
                        i + 1, step.rate())));
            }
            boolean met = objectives.isEmpty() || results.stream().allMatch(objectives::met);
            return new Outcome(writer.profile(steps.spec(), results, met), met);
        };
    }

    /** The search for the highest open-loop rate meeting the latency objectives and the error-rate bound. */
    static LoadMode findMax(MaxRateSearch search, LoadObjectives objectives, double maxErrorRate) {
        return (session, writer) -> {
            MaxRateSearch.Outcome o = search.search(r -> session.run(session.plan().withRate(r), String.format(Locale.ROOT,
                    "rate=%.3f", r)), r -> objectives.latencyMet(r) && r.errorRate() <= maxErrorRate);
            return new Outcome(writer.search(o, objectives, maxErrorRate), o.points().stream().anyMatch(MaxRateSearch.Point::sustained));
        };
    }

    /** An overload at {@code overloadRps} for the plan's duration, then the plan's rate for {@code recovery}. */
    static LoadMode stress(double overloadRps, Duration recovery, double p99LimitMs) {
        return (session, writer) -> {
            StressTest.Outcome o = StressTest.run(p -> session.run(p, String.format(Locale.ROOT, "stress,rate=%.3f", p.rate())),
                    session.plan().withRate(overloadRps), session.plan().withDuration(recovery), p99LimitMs);
            return new Outcome(writer.stress(o), o.recovered());
        };
    }

    /** A closed-loop run of the plan for every pair of batch size and worker count (in-process models). */
    static LoadMode sweep(List<Integer> batchSizes, List<Integer> workers, LoadObjectives objectives) {
        return (session, writer) -> {
            BatchSweep.Outcome o = BatchSweep.run(batchSizes, workers, (b, w) -> session.run(session.load().target(b),
                    session.plan().withConcurrency(w), String.format(Locale.ROOT, "batch=%d,workers=%d", b, w)));
            return new Outcome(writer.sweep(o, objectives), o.best(objectives::met).isPresent());
        };
    }
}
