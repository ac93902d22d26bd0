package dev.assay.core.drift.time;

import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift over time: cuts the current data into time windows ({@link Windows}) and measures each
 * window against the whole reference with {@link DriftAnalysis} (the share of drifted columns and
 * each column's statistic), and, when asked, the model's metric on the window with its interval
 * (Wilson for proportions such as accuracy, a percentile bootstrap otherwise).
 *
 * <p>Where drift started ({@link TimeDrift#firstDriftWindow()}): the first window of the final run of
 * drifted windows, when that run reaches the last measured window and holds at least
 * {@code persistence} measured windows (a persistent change, not a passing spike nor one bad last
 * window). Windows with
 * fewer than {@code minRows} rows are listed but not measured and do not break a run.
 */
public final class DriftOverTime {
    private DriftOverTime() {
    }

    /** What to measure besides drift: a metric id of the task, with its settings, or null for none. */
    public record Performance(String metric, EvaluationSettings evaluation, double level, long seed) {
    }

    /**
     * @param timestamps the time of each current row ({@link Timestamps#parse})
     * @param columns the columns compared in each window
     */
    public static TimeDrift run(Frame reference, String referenceName, Dataset current, String currentName,
            LocalDateTime[] timestamps, List<String> columns, WindowSpec spec, DriftSettings settings, int minRows,
            int persistence, Performance performance) {
        List<WindowResult> out = new ArrayList<>();
        for (Windows.Window w : Windows.split(timestamps, spec)) {
            if (w.rows().length < minRows) {
                out.add(new WindowResult(w.label(), w.rows().length, null, null, null));
                continue;
            }
            Frame frame = current.frame().slice(w.rows());
            DriftReport drift = DriftAnalysis.compare(reference, referenceName, frame, currentName + " (" + w.label() + ")",
                    columns, settings);
            MetricValue metric = null;
            Interval interval = null;
            if (performance != null) {
                Evaluation e = Evaluator.evaluate(frame, current.schema(), performance.evaluation());
                metric = e.metric(performance.metric());
                boolean proportion = MetricIntervals.PROPORTIONS.contains(performance.metric());
                IntervalSettings ci = new IntervalSettings(proportion ? IntervalMethod.WILSON : IntervalMethod.PERCENTILE,
                        IntervalSettings.DEFAULT_RESAMPLES, performance.level());
                IntervalEstimate est = metric.defined() ? MetricIntervals.of(frame, current.schema(), performance.evaluation(), e,
                        List.of(performance.metric()), ci, performance.seed()).get(performance.metric()) : null;
                interval = est != null && est.defined() ? est.interval() : null;
            }
            out.add(new WindowResult(w.label(), w.rows().length, drift, metric, interval));
        }
        return new TimeDrift(out, firstPersistent(out, persistence));
    }

    /** The first window of the final run of drifted windows if the run has {@code persistence} windows or more; else -1. */
    static int firstPersistent(List<WindowResult> windows, int persistence) {
        int first = -1;
        int run = 0;
        for (int i = windows.size() - 1; i >= 0; i--) {
            WindowResult w = windows.get(i);
            if (!w.measured()) {
                continue;
            }
            if (!w.drifted()) {
                break;
            }
            first = i;
            run++;
        }
        return run >= persistence ? first : -1;
    }
}
