package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.load.MaxRateSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code type: latency}: latency objectives under load, e.g. {@code p99_ms < 200} at {@code rate: 1000}, or with
 * {@code find_max: true} the highest sustained rate ({@code max_throughput >= 500}). See docs/load-testing.md.
 */
public final class LatencyCheckKind implements CheckKind {

    @Override
    public String id() {
        return LatencyCheck.KIND;
    }

    @Override
    public String description() {
        return "Latency percentiles, error rate and throughput of the model under open- or closed-loop load, or the highest "
                + "rate it sustains under a p99 and error-rate objective.";
    }

    @Override
    public List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(LoadCheckSettings.KEYS);
        keys.add(new ConfigKey("find_max", "true: search the highest sustained rate from 'rate' (double, then bisect to 5%)"));
        keys.add(new ConfigKey("max_p99_ms", "find_max: the p99 latency a sustained rate stays under (required)"));
        keys.add(new ConfigKey("max_error_rate", "find_max: the largest share of failed or dropped requests (default 0.001)"));
        keys.add(new ConfigKey("max_rate", "find_max: the highest rate tried (default 100000)"));
        keys.add(new ConfigKey("max_steps", "find_max: runs at most (default 12)"));
        keys.add(new ConfigKey("time_budget", "find_max: no run starts that could end after this (default 5m)"));
        return keys;
    }

    @Override
    public String measures() {
        return String.join(", ", LatencyCheck.RUN_MEASURES) + "; with find_max: " + String.join(", ", LatencyCheck.SEARCH_MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        if (config.bool("find_max", false)) {
            return "Maximum sustainable rate";
        }
        return config.has("concurrency") ? "Latency with " + config.string("concurrency", "") + " workers"
                : "Latency at " + config.string("rate", "100") + " req/s";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        LoadCheckSettings load = LoadCheckSettings.from(config);
        if (!config.bool("find_max", false)) {
            for (String key : List.of("max_p99_ms", "max_error_rate", "max_rate", "max_steps", "time_budget")) {
                if (config.has(key)) {
                    throw config.error(key, "'" + key + "' applies with 'find_max: true' only.");
                }
            }
            return new LatencyCheck(setup, load, null);
        }
        if (load.concurrency() != null) {
            throw config.error("concurrency", "find_max raises an open-loop rate; give 'rate' (the first rate), not 'concurrency'.");
        }
        if (!config.has("max_p99_ms")) {
            throw config.error("max_p99_ms", "find_max needs 'max_p99_ms', the p99 latency in ms a sustained rate stays under.");
        }
        double p99 = config.number("max_p99_ms", 0);
        double errorRate = config.number("max_error_rate", 0.001);
        double maxRate = config.number("max_rate", 100_000);
        long steps = config.integer("max_steps", 12);
        if (!(p99 > 0) || !(errorRate >= 0 && errorRate < 1)) {
            throw config.error("max_p99_ms", String.format(Locale.ROOT, "max_p99_ms must be above 0 and max_error_rate in [0, 1), "
                    + "found %s and %s.", p99, errorRate));
        }
        try {
            MaxRateSearch search = new MaxRateSearch(load.rate(), maxRate, (int) Math.min(steps, 1000), 0.05,
                    LoadCheckSettings.duration(config, "time_budget", "5m"));
            return new LatencyCheck(setup, load, new LatencyCheck.Search(search, p99, errorRate));
        } catch (IllegalArgumentException e) {
            throw config.error("max_rate", "invalid search bounds: " + e.getMessage() + ".");
        }
    }
}
