package dev.assay.cli;

import dev.assay.core.check.Observations;
import dev.assay.core.checks.LoadObservations;
import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.StressTest;
import dev.assay.core.result.AssayVersion;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.report.HtmlReportWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of {@code assay load}: one section per run (the run, each profile step, the search,
 * the sweep, or the two phases of a stress run) with the measurements, tables and load charts of
 * {@link LoadObservations}, rendered by the suite report writer.
 */
final class LoadReport implements LoadWriter {
    private final String target;
    private final Map<String, String> settings;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();

    /**
     * @param target the URL or model file loaded
     * @param settings the command's settings, shown in the provenance
     */
    LoadReport(String target, Map<String, String> settings) {
        this.target = target;
        this.settings = new LinkedHashMap<>(settings);
    }

    @Override
    public String run(LoadResult r, LoadObjectives objectives) {
        Observations obs = LoadObservations.of(r);
        objectives.verdicts(r).forEach(obs::note);
        return render("Load test", List.of(check("Load run", objectives.met(r), obs)));
    }

    @Override
    public String profile(String spec, List<LoadResult> steps, boolean met) {
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            checks.add(check(String.format(Locale.ROOT, "Step %d: %.1f req/s", i + 1, steps.get(i).requestedRps()), met,
                    LoadObservations.of(steps.get(i))));
        }
        return render("Load profile " + spec, checks);
    }

    @Override
    public String search(MaxRateSearch.Outcome o, LoadObjectives objectives, double maxErrorRate) {
        boolean sustained = o.points().stream().anyMatch(MaxRateSearch.Point::sustained);
        String criterion = String.join(", ", objectives.texts()) + ", error rate <= " + maxErrorRate;
        return render("Maximum sustainable throughput", List.of(check("Find max", sustained, LoadObservations.of(o, criterion))));
    }

    @Override
    public String sweep(BatchSweep.Outcome o, LoadObjectives objectives) {
        return render("Batch-size sweep", List.of(check("Batch sizes and workers", o.best(objectives::met).isPresent(),
                LoadObservations.of(o, objectives::met, objectives.criterion()))));
    }

    @Override
    public String stress(StressTest.Outcome o) {
        Observations recovery = LoadObservations.of(o.recovery());
        recovery.summary(o.recovered()
                ? String.format(Locale.ROOT, "p99 back under %s ms %.1f s after the drop; %s", o.p99LimitMs(), o.recoverySeconds(),
                        recovery.summary())
                : String.format(Locale.ROOT, "p99 never back under %s ms without errors; %s", o.p99LimitMs(), recovery.summary()));
        recovery.note("Recovery time: the start of the first interval after the drop whose p99 is under the objective and that has "
                + "no errors; its resolution is the interval length.");
        Observations overload = LoadObservations.of(o.overload());
        overload.note("The overload is not drained: requests unanswered at the drop are counted 'unfinished' and their backlog "
                + "meets the recovery phase.");
        return render("Stress test", List.of(check(String.format(Locale.ROOT, "Overload at %.1f req/s", o.overload().requestedRps()),
                true, overload), check(String.format(Locale.ROOT, "Recovery at %.1f req/s", o.recovery().requestedRps()), o.recovered(),
                recovery)));
    }

    private CheckResult check(String name, boolean met, Observations obs) {
        return new CheckResult(name, "load", met ? Status.PASS : Status.FAIL, obs.summary(), obs.measurements(), List.of(),
                obs.tables(), obs.charts(), obs.notes(), Duration.ZERO);
    }

    private String render(String title, List<CheckResult> checks) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        Provenance provenance = new Provenance(AssayVersion.current(), started, List.of(), settings, Map.of("target", target),
                environment);
        return new HtmlReportWriter().render(new SuiteResult(title + " of " + target, "Measured by assay load.", checks, provenance,
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
