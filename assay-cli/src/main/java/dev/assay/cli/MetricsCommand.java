package dev.assay.cli;

import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay metrics}: the metric catalogue, with direction, range and meaning. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Lists the metric ids for suites and conditions, with which way is better and what they measure.")
final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", description = "Only binary, multiclass or regression metrics.")
    String task;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Task> tasks = task == null ? List.of(Task.values()) : List.of(Options.enumOption("--task", task, Task.class));
        for (Task t : tasks) {
            out.println(t.id() + ":");
            for (MetricInfo m : MetricCatalog.forTask(t)) {
                out.printf(Locale.ROOT, "  %-22s %-7s %-14s %s%n", m.id(), direction(m), range(m), m.description());
            }
        }
        return ExitCode.PASS;
    }

    private static String direction(MetricInfo m) {
        return switch (m.direction()) {
            case HIGHER_IS_BETTER -> "higher";
            case LOWER_IS_BETTER -> "lower";
            case NEUTRAL -> "count";
        };
    }

    private static String range(MetricInfo m) {
        return "[" + bound(m.min()) + ", " + bound(m.max()) + "]";
    }

    private static String bound(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Format.number(v);
    }
}
