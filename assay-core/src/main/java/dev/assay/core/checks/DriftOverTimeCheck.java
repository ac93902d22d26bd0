package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.drift.DriftColumns;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.drift.time.DriftOverTime;
import dev.assay.core.drift.time.TimeDrift;
import dev.assay.core.drift.time.Timestamps;
import dev.assay.core.drift.time.WindowResult;
import dev.assay.core.drift.time.WindowSpec;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.result.Measurement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drift over time ({@link DriftOverTime}): {@code windows}, {@code drifted_windows},
 * {@code first_drift_window} (1-based, 0 when drift did not persist to the last window), per window
 * {@code drift_share[window]}, and with a {@code metric} the metric per window ({@code accuracy[window]},
 * with its interval) and {@code worst_window_metric}. Built by {@link DriftOverTimeCheckKind}.
 */
final class DriftOverTimeCheck extends MeasuringCheck {
    static final String KIND = "drift_over_time";
    static final List<String> MEASURES = List.of("windows", "drifted_windows", "first_drift_window", "drift_share",
            "worst_window_metric");

    private final String timestamp;
    private final WindowSpec window;
    private final DriftSettings settings;
    private final List<String> columns;
    private final String metric;
    private final int minRows;
    private final int persistence;
    private final double confidence;

    DriftOverTimeCheck(CheckSetup setup, String timestamp, WindowSpec window, DriftSettings settings, List<String> columns,
            String metric, int minRows, int persistence, double confidence) {
        super(setup, KIND, measures(metric), metric == null ? Requirements.NONE.withReference()
                : Requirements.LABELLED_PREDICTIONS.withReference());
        this.timestamp = timestamp;
        this.window = window;
        this.settings = settings;
        this.columns = List.copyOf(columns);
        this.metric = metric;
        this.minRows = minRows;
        this.persistence = persistence;
        this.confidence = confidence;
    }

    static List<String> measures(String metric) {
        List<String> out = new ArrayList<>(MEASURES);
        if (metric != null) {
            out.add(metric);
        }
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (timestamp != null) {
            out.put("timestamp", timestamp);
        }
        out.put("window", window.id());
        if (!columns.isEmpty()) {
            out.put("columns", String.join(", ", columns));
        }
        out.put("method", settings.methodId());
        out.put("drift_share", Double.toString(settings.driftShare()));
        out.put("min_rows", Integer.toString(minRows));
        out.put("persistence", Integer.toString(persistence));
        if (metric != null) {
            out.put("metric", metric);
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset current = context.current();
        Dataset reference = context.reference().orElseThrow(() -> new InvalidInputException(
                "The reference data has no rows; drift over time needs reference rows to compare each window with."));
        String column = timestamp != null ? timestamp : current.schema().timestamp();
        if (column == null) {
            throw new InvalidInputException("Drift over time needs a timestamp column: set 'timestamp' in the check or"
                    + " columns.timestamp in the suite.");
        }
        LocalDateTime[] times = Timestamps.parse(current.frame(), DriftCheck.name(current), column);
        List<String> compared = new ArrayList<>(columns.isEmpty() ? DriftColumns.of(current.frame(), current.schema()) : columns);
        compared.remove(column);
        DriftOverTime.Performance perf = metric == null ? null
                : new DriftOverTime.Performance(metric, setup().evaluation(), confidence, setup().seed());
        TimeDrift result = DriftOverTime.run(reference.frame(), DriftCheck.name(reference), current, DriftCheck.name(current), times,
                compared, window, settings, minRows, persistence, perf);
        Observations obs = new Observations();
        long n = current.frame().rowCount();
        obs.measurement(Measurement.of("windows", result.measuredWindows(), n));
        obs.measurement(Measurement.of("drifted_windows", result.driftedWindows(), n));
        int first = result.firstDriftWindow();
        obs.measurement(Measurement.of("first_drift_window", first + 1, n));
        WindowResult worst = null;
        boolean lowerBetter = metric != null && MetricCatalog.all().stream().filter(i -> i.id().equals(metric)).findFirst()
                .map(i -> i.direction() == MetricInfo.Direction.LOWER_IS_BETTER).orElse(false);
        for (WindowResult w : result.windows()) {
            if (!w.measured()) {
                obs.note("Window " + w.label() + " has " + w.rows() + " rows, fewer than min_rows = " + minRows
                        + "; not measured.");
                continue;
            }
            obs.measurement(Measurement.of("drift_share", w.label(), w.drift().driftShare(), w.rows()));
        }
        for (WindowResult w : result.windows()) {
            if (w.measured() && w.metric() != null) {
                obs.measurement(new Measurement(metric, w.label(), w.metric().value(), w.interval(), null, w.rows(),
                        w.metric().undefinedReason(), w.metric().warnings()));
                if (w.metric().defined() && (worst == null || (lowerBetter ? w.metric().value() > worst.metric().value()
                        : w.metric().value() < worst.metric().value()))) {
                    worst = w;
                }
            }
        }
        if (worst != null) {
            obs.measurement(new Measurement("worst_window_metric", worst.metric().value(), worst.interval(), null, worst.rows(),
                    "window " + worst.label(), List.of()));
        }
        obs.table(TimeDriftEvidence.table(result, compared, metric));
        TimeDriftEvidence.charts(result, compared, metric, settings.driftShare()).forEach(obs::chart);
        obs.note("A window drifts when at least " + settings.driftShare() + " of its compared columns drift against the whole"
                + " reference; drift started at the first window of the final run of drifted windows, when that run reaches"
                + " the last window and holds at least " + persistence + " windows.");
        obs.summary(String.format(Locale.ROOT, "%d of %d %s windows drifted; %s.", result.driftedWindows(),
                result.measuredWindows(), window.id(), first < 0 ? "no persistent drift up to the last window"
                        : "persistent drift from window " + result.windows().get(first).label()));
        return obs;
    }
}
