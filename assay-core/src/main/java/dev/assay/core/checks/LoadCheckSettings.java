package dev.assay.core.checks;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKind.ConfigKey;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.Arrivals;
import dev.assay.core.load.LoadDurations;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the load checks ({@code latency}, {@code quality_under_load}) load a model: the suite's model in
 * this JVM, or an Open Inference (v2) server at {@code url} serving {@code name}; open loop at
 * {@code rate} requests per second (or closed loop with {@code concurrency} workers) for
 * {@code duration} after an unmeasured {@code warmup}, each request predicting {@code batch_size}
 * rows of the current data, cycling.
 */
record LoadCheckSettings(String url, String name, double rate, Integer concurrency, int maxInFlight, int batchSize, Duration duration,
        Duration warmup, Duration timeout) {

    /** The keys both load checks accept. */
    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("url", "an Open Inference (v2) server to load instead of the suite's model, e.g. http://127.0.0.1:8080"),
            new ConfigKey("name", "with url: the model's name on the server"),
            new ConfigKey("rate", "requests per second, open loop (default 100)"),
            new ConfigKey("concurrency", "workers sending back to back (closed loop) instead of a rate"),
            new ConfigKey("max_in_flight", "open loop: requests in flight at most (default 256)"),
            new ConfigKey("batch_size", "rows of the current data per request (default 1)"),
            new ConfigKey("duration", "measured time, e.g. 5s (default 5s)"),
            new ConfigKey("warmup", "unmeasured time before, e.g. 1s (default 1s)"),
            new ConfigKey("timeout", "with url: the timeout of one request (default 10s)"));

    static LoadCheckSettings from(CheckConfig config) {
        String url = config.string("url", null);
        String name = config.string("name", null);
        if (url != null && name == null) {
            throw config.error("name", "'url' needs 'name', the model's name on the server (/v2/models/NAME).");
        }
        if (config.has("rate") && config.has("concurrency")) {
            throw config.error("concurrency", "give either 'rate' (open loop) or 'concurrency' (closed loop), not both.");
        }
        double rate = config.number("rate", 100);
        if (!(rate > 0 && rate <= 1e6)) {
            throw config.error("rate", "'rate' must be above 0 and at most 1000000 requests per second, found " + rate + ".");
        }
        Integer concurrency = config.has("concurrency") ? (int) range(config, "concurrency", 1, 10_000, 1) : null;
        int maxInFlight = (int) range(config, "max_in_flight", 1, 10_000, 256);
        int batchSize = (int) range(config, "batch_size", 1, 100_000, 1);
        Duration duration = duration(config, "duration", "5s");
        if (duration.isZero()) {
            throw config.error("duration", "'duration' must be positive, e.g. 5s.");
        }
        return new LoadCheckSettings(url, name, rate, concurrency, maxInFlight, batchSize, duration, duration(config, "warmup", "1s"),
                duration(config, "timeout", "10s"));
    }

    /** The suite's model when no url is given. */
    Requirements requirements() {
        return url == null ? Requirements.NONE.withModel() : Requirements.NONE;
    }

    /** The plan of one run, at {@code rate} unless closed loop. */
    LoadPlan plan() {
        LoadPlan plan = concurrency != null ? LoadPlan.closedLoop(concurrency, duration)
                : LoadPlan.openLoop(rate, duration).withConcurrency(maxInFlight).withArrivals(Arrivals.CONSTANT, 1);
        return plan.withWarmup(warmup);
    }

    /** The model to load: the remote one at {@link #url} (to be closed by the caller) or the suite's. */
    Model open(CheckContext context) {
        if (url == null) {
            return context.model().orElseThrow();
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return ModelLoaders.load(new ModelSource(url, null, Map.of("name", name, "max_attempts", "1", "timeout_seconds",
                String.valueOf(seconds), "batch_size", String.valueOf(batchSize))));
    }

    /**
     * The requests of {@code kind}'s run: the current data's model inputs, {@code batchSize} rows per request.
     *
     * @throws InvalidInputException when the current data has no rows
     */
    ModelTarget target(CheckContext context, Model model, String kind) {
        Frame data = context.current().frame();
        Frame inputs = data.select(ModelInputs.of(model, data, context.current().schema().label()));
        if (inputs.rowCount() == 0) {
            throw new InvalidInputException("The current data has no rows to send to the model; the " + kind
                    + " check needs at least one.");
        }
        return new ModelTarget(model, inputs, batchSize);
    }

    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("target", url == null ? "the suite's model, in process" : url + " (" + name + ")");
        out.put(concurrency == null ? "rate" : "concurrency", concurrency == null ? String.format(Locale.ROOT, "%.6g", rate)
                : concurrency.toString());
        out.put("batch_size", Integer.toString(batchSize));
        out.put("duration", duration.toString());
        out.put("warmup", warmup.toString());
        return out;
    }

    static Duration duration(CheckConfig config, String key, String fallback) {
        try {
            return LoadDurations.parse(config.string(key, fallback));
        } catch (IllegalArgumentException e) {
            throw config.error(key, "'" + key + "' is " + e.getMessage() + ".");
        }
    }

    private static long range(CheckConfig config, String key, long min, long max, long fallback) {
        long value = config.integer(key, fallback);
        if (value < min || value > max) {
            throw config.error(key, "'" + key + "' must be " + min + " to " + max + ", found " + value + ".");
        }
        return value;
    }
}
