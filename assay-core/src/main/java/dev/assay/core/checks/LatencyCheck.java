package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a model (see {@link LoadCheckSettings}) and measures its latency percentiles, error rate and
 * throughput; with a {@link MaxRateSearch}, the highest rate that keeps p99 under {@code max_p99_ms} and
 * the error rate at most {@code max_error_rate} instead. Built by {@link LatencyCheckKind}.
 */
final class LatencyCheck extends MeasuringCheck {
    static final String KIND = "latency";
    static final List<String> RUN_MEASURES = List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "throughput_rps",
            "error_rate", "errors", "late_or_dropped");
    static final List<String> SEARCH_MEASURES = List.of("max_throughput", "knee_rps");

    /** The objectives of a search: p99 under {@code p99Ms}, error rate at most {@code errorRate}. */
    record Search(MaxRateSearch search, double p99Ms, double errorRate) {
    }

    private final LoadCheckSettings load;
    private final Search search;

    LatencyCheck(CheckSetup setup, LoadCheckSettings load, Search search) {
        super(setup, KIND, search == null ? RUN_MEASURES : SEARCH_MEASURES, load.requirements());
        this.load = load;
        this.search = search;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>(load.describe());
        if (search != null) {
            out.put("find_max", String.format(Locale.ROOT, "p99 < %s ms, error rate <= %s", search.p99Ms(), search.errorRate()));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = load.open(context);
        try {
            ModelTarget target = load.target(context, model, KIND);
            LoadGenerator generator = new LoadGenerator(FailureKinds.DEFAULT, load.url() == null ? ProcessHandle.current().pid() : -1,
                    i -> { });
            return search == null ? LoadObservations.of(generator.run(target, load.plan())) : search(generator, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("The " + KIND + " check was interrupted.");
        } finally {
            if (load.url() != null) {
                model.close();
            }
        }
    }

    private Observations search(LoadGenerator generator, ModelTarget target) throws InterruptedException {
        MaxRateSearch.Outcome o = search.search().search(rate -> generator.run(target, load.plan().withRate(rate)),
                r -> r.latencyMs().p99() < search.p99Ms() && r.errorRate() <= search.errorRate());
        return LoadObservations.of(o, String.format(Locale.ROOT, "p99 < %s ms, error rate <= %s", search.p99Ms(), search.errorRate()));
    }
}
