package dev.assay.registry;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns suite results into recorded runs and recorded runs into metric trends: the values of one
 * measurement ({@code check / id}) run after run, over the model's versions.
 */
public final class RunHistory {
    /** The most trend charts the report shows for one run. */
    static final int MAX_CHARTS = 8;

    private RunHistory() {
    }

    /**
     * The run to record for {@code result}: its defined measurements, data fingerprints (the location
     * where the fingerprint is unknown) and environment.
     */
    public static RecordedRun of(SuiteResult result, String model, Integer version, String report, Instant recordedAt) {
        Map<String, String> datasets = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        Instant started = recordedAt;
        if (result.provenance() != null) {
            for (DatasetInfo d : result.provenance().datasets()) {
                datasets.put(d.role(), d.fingerprint() != null ? d.fingerprint() : d.location());
            }
            environment.putAll(result.provenance().environment());
            environment.put("assay", result.provenance().assayVersion());
            started = result.provenance().startedAt() != null ? result.provenance().startedAt() : recordedAt;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (CheckResult c : result.checks()) {
            for (Measurement m : c.measurements()) {
                if (m.defined()) {
                    metrics.putIfAbsent(RecordedRun.key(c.name(), m.id()), m.value());
                }
            }
        }
        return new RecordedRun(0, model, version, result.suite(), result.status().id(), started, recordedAt, datasets, environment,
                report, metrics);
    }

    /**
     * The trend of each measurement key whose id (after {@code check / }) is {@code metric}, or of every
     * key when {@code metric} is null: the runs that measured it, in recording order.
     */
    public static Map<String, List<RecordedRun>> trends(List<RecordedRun> runs, String metric) {
        Map<String, List<RecordedRun>> trends = new LinkedHashMap<>();
        for (RecordedRun run : runs) {
            for (String key : run.metrics().keySet()) {
                if (metric == null || key.endsWith(" / " + metric)) {
                    trends.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
                }
            }
        }
        return trends;
    }

    /**
     * A report section showing, for each plain measurement of {@code latest} (up to
     * {@value #MAX_CHARTS}), its value in every recorded run of the model against the version tested
     * (the run number for runs of unregistered models), ordered by version, then run.
     */
    public static CheckResult section(List<RecordedRun> runs, RecordedRun latest) {
        List<Chart> charts = new ArrayList<>();
        Map<String, List<RecordedRun>> trends = trends(runs, null);
        for (String key : latest.metrics().keySet()) {
            if (charts.size() == MAX_CHARTS) {
                break;
            }
            if (key.endsWith("]")) {
                continue;
            }
            List<RecordedRun> points = new ArrayList<>(trends.get(key));
            boolean versions = points.stream().allMatch(r -> r.version() != null);
            if (versions) {
                points.sort(Comparator.comparing(RecordedRun::version).thenComparing(RecordedRun::id));
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = versions ? points.get(i).version() : i + 1;
                y[i] = points.get(i).metrics().get(key);
            }
            charts.add(new XYChart(key, points.size() + " recorded runs of " + latest.model(),
                    Axis.auto(versions ? "model version" : "run"), Axis.auto(key.substring(key.indexOf(" / ") + 3)),
                    List.of(new Series(key, x, y, Series.Style.LINE), new Series("recorded runs", x, y, Series.Style.POINTS))));
        }
        String message = runs.size() + " recorded runs of " + latest.model() + (latest.version() == null ? ""
                : "; this run tested version " + latest.version());
        return new CheckResult("History of " + latest.model(), "history", Status.PASS, message, List.of(), List.of(), List.of(),
                charts, List.of("Recorded in the registry; 'assay history " + latest.model() + "' lists every run."), Duration.ZERO);
    }
}
