package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.drift.time.WindowSpec;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import java.util.List;

/**
 * {@code type: drift_over_time}: drift (and optionally the model's metric) per time window of the
 * current data against the reference (see {@link dev.assay.core.drift.time.DriftOverTime}). Keys:
 * {@code timestamp} (default columns.timestamp), {@code window} (daily, weekly, monthly or a number of
 * rows; default monthly), {@code min_rows} (default 20), {@code persistence} (default 3), {@code metric}, {@code confidence}, and the
 * keys of {@code drift} ({@code columns}, {@code method}, {@code threshold}, {@code thresholds},
 * {@code fdr}, {@code min_effect}, {@code drift_share}, {@code bins}).
 */
public final class DriftOverTimeCheckKind implements CheckKind {
    static final int DEFAULT_MIN_ROWS = 20;
    static final int DEFAULT_PERSISTENCE = 3;

    @Override
    public String id() {
        return DriftOverTimeCheck.KIND;
    }

    @Override
    public String description() {
        return "Drift over time: per daily, weekly, monthly or N-row window, the drift against the reference and the model's"
                + " metric, with the window where persistent drift started.";
    }

    @Override
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new java.util.ArrayList<>(List.of(
                new ConfigKey("timestamp", "the column with the time of each row, ISO-8601 (default: columns.timestamp)"),
                new ConfigKey("window", "daily, weekly (Monday to Sunday), monthly or a number of rows (default monthly)"),
                new ConfigKey("min_rows", "windows with fewer rows are listed but not measured (default " + DEFAULT_MIN_ROWS + ")"),
                new ConfigKey("persistence", "drift started at the first window of the final run of drifted windows that"
                        + " reaches the last window and holds at least this many windows (default " + DEFAULT_PERSISTENCE + ")"),
                new ConfigKey("metric", "a metric of the task measured per window, e.g. accuracy (default: none)"),
                new ConfigKey("confidence", "level of the metric's interval per window (default 0.95)")));
        new DriftCheckKind().keys().forEach(out::add);
        return out;
    }

    @Override
    public String measures() {
        return String.join(", ", DriftOverTimeCheck.MEASURES) + ", and the metric per window";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withReference();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Drift over time (" + config.string("window", "monthly") + ")";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        WindowSpec window;
        try {
            window = WindowSpec.parse(config.string("window", "monthly"));
        } catch (IllegalArgumentException e) {
            throw config.error("window", e.getMessage() + ".");
        }
        long minRows = config.integer("min_rows", DEFAULT_MIN_ROWS);
        if (minRows < 2) {
            throw config.error("min_rows", "'min_rows' must be 2 or more, found " + minRows + ".");
        }
        long persistence = config.integer("persistence", DEFAULT_PERSISTENCE);
        if (persistence < 1) {
            throw config.error("persistence", "'persistence' must be 1 or more windows, found " + persistence + ".");
        }
        String metric = config.string("metric", null);
        if (metric != null && MetricCatalog.all().stream().map(MetricInfo::id).noneMatch(metric::equals)) {
            throw config.error("metric", "unknown metric '" + metric + "'; use a metric id such as accuracy, recall or"
                    + " mean_absolute_error.");
        }
        double confidence = config.number("confidence", 0.95);
        if (!(confidence > 0 && confidence < 1)) {
            throw config.error("confidence", "'confidence' must be in (0, 1), e.g. 0.95, found " + confidence + ".");
        }
        return new DriftOverTimeCheck(setup, config.string("timestamp", null), window, DriftCheckKind.settings(config),
                config.strings("columns"), metric, (int) minRows, (int) persistence,
                confidence);
    }
}
