package dev.assay.cli;

import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.HistogramLog;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.LoadTarget;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * What every mode of {@code assay load} runs with: the target held open, the plan built from the options,
 * how failures are named, the process whose resources are read, live progress and the optional
 * histogram log each run appends to under a tag.
 */
record LoadSession(Load load, LoadPlan plan, int batchSize, FailureKinds kinds, long pid, Consumer<Interval> progress,
        HistogramLog log) {

    /** One run of {@code plan} against {@code target}, its intervals logged under {@code tag} (null for none). */
    LoadResult run(LoadTarget target, LoadPlan plan, String tag) throws InterruptedException {
        Consumer<Histogram> sink = log == null ? h -> { } : log.tagged(tag);
        return new LoadGenerator(kinds, pid, progress, sink).run(target, plan);
    }

    /** One run of {@code plan} against the target at the options' batch size. */
    LoadResult run(LoadPlan plan, String tag) throws InterruptedException {
        return run(load.target(batchSize), plan, tag);
    }
}
