package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.Names;
import dev.assay.registry.RecordedRun;
import dev.assay.registry.RunHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay history}: the recorded runs of a model and the trend of its metrics over versions. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Lists the runs recorded with 'assay run --record' for MODEL and each metric's values run after run.",
                "See docs/registry.md."})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model's name in the registry.")
    String model;

    @Option(names = "--metric", paramLabel = "ID", description = "Only this measurement, e.g. roc_auc or recall[sex=female].")
    String metric;

    @Option(names = "--registry", paramLabel = "DIR", description = "The registry folder (default: $ASSAY_REGISTRY, else "
            + ".assay/registry).")
    Path registry;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "The registry's database, when it keeps its records in one "
            + "(as 'assay registry --db').")
    String db;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        ModelRegistry models = RegistryCommand.open(registry != null ? registry : RegistryCommand.defaultFolder(), db);
        models.versions(Names.require(model, "model name"));
        List<RecordedRun> runs = models.runs().runs(model);
        Map<String, List<RecordedRun>> trends = RunHistory.trends(runs, metric);
        if (metric != null && trends.isEmpty() && !runs.isEmpty()) {
            throw new InvalidInputException("No recorded run of " + model + " measured '" + metric + "'. Measured: "
                    + RunHistory.trends(runs, null).keySet().stream().map(k -> k.substring(k.indexOf(" / ") + 3)).distinct()
                            .limit(20).toList() + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(runs, trends)));
            return RegistryCommand.OK;
        }
        out.println(runs.size() + " recorded runs of " + model + ":");
        for (RecordedRun r : runs) {
            out.println("  #" + r.id() + "  " + r.recordedAt() + "  version " + (r.version() == null ? "-" : r.version()) + "  "
                    + r.status().toUpperCase(Locale.ROOT) + "  " + r.suite());
        }
        trends.forEach((key, points) -> {
            StringBuilder line = new StringBuilder("  " + key + ":");
            points.forEach(p -> line.append(String.format(Locale.ROOT, "  v%s %.4f", p.version() == null ? "-" : p.version(),
                    p.metrics().get(key))));
            out.println(line);
        });
        return RegistryCommand.OK;
    }

    private Map<String, Object> json(List<RecordedRun> runs, Map<String, List<RecordedRun>> trends) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (RecordedRun r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("version", r.version());
            m.put("suite", r.suite());
            m.put("status", r.status());
            m.put("started_at", r.startedAt().toString());
            m.put("recorded_at", r.recordedAt().toString());
            m.put("datasets", r.datasets());
            m.put("environment", r.environment());
            m.put("report", r.report());
            Map<String, Double> metrics = new LinkedHashMap<>();
            r.metrics().forEach((k, v) -> {
                if (trends.containsKey(k)) {
                    metrics.put(k, v);
                }
            });
            m.put("metrics", metrics);
            listed.add(m);
        }
        Map<String, Object> trendJson = new LinkedHashMap<>();
        trends.forEach((key, points) -> {
            List<Map<String, Object>> values = new ArrayList<>();
            for (RecordedRun p : points) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("run", p.id());
                point.put("version", p.version());
                point.put("value", p.metrics().get(key));
                values.add(point);
            }
            trendJson.put(key, values);
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("runs", listed);
        root.put("trends", trendJson);
        return root;
    }
}
