package dev.assay.cli;

import dev.assay.core.error.Excerpt;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuiteEngine;
import dev.assay.io.suite.SuitePlan;
import dev.assay.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Parses a suite, loads its data once, runs its checks, writes the reports and prints a summary. */
final class SuiteExecution {
    private SuiteExecution() {
    }

    /**
     * Runs the suite in {@code suitePath}, writes the reports and prints the summary to {@code out};
     * on a terminal, {@code err} shows the checks as they finish.
     */
    static SuiteResult run(Path suitePath, Path outputDirectory, PrintWriter out, PrintWriter err) {
        return run(suitePath, outputDirectory, out, err, null, Map.of(), UnaryOperator.identity());
    }

    /**
     * As {@link #run(Path, Path, PrintWriter, PrintWriter)}, on {@code engine} (null: in this process), passing the result
     * through {@code beforeReports} before the reports are written.
     */
    static SuiteResult run(Path suitePath, Path outputDirectory, PrintWriter out, PrintWriter err, SuiteEngine engine,
            Map<String, String> options, UnaryOperator<SuiteResult> beforeReports) {
        SuitePlan plan = SuitePlan.fromFile(suitePath);
        Reports.checkWritable(outputDirectory);
        SuiteResult result = beforeReports.apply(engine == null ? plan.run(TerminalProgress.forTerminal(err))
                : engine.run(plan, options, TerminalProgress.forTerminal(err)));
        List<Path> written = Reports.writeAll(result, outputDirectory);
        printSummary(out, result);
        out.println();
        out.println("Reports:");
        written.forEach(path -> out.println("  " + path));
        return result;
    }

    /**
     * Says on {@code err} why a run exits with {@link ExitCode#INPUT_ERROR}: one {@code error:} line
     * per distinct reason, naming the suite file and the checks that could not run for it.
     */
    static void printErrors(PrintWriter err, Path suitePath, SuiteResult result) {
        Map<String, List<String>> checksByMessage = new LinkedHashMap<>();
        for (CheckResult c : result.checks()) {
            if (c.status() == Status.ERROR) {
                checksByMessage.computeIfAbsent(String.valueOf(c.message()), m -> new ArrayList<>())
                        .add("'" + Excerpt.of(c.name()) + "'");
            }
        }
        checksByMessage.forEach((message, checks) -> err.println("error: " + suitePath + ": " + (checks.size() == 1
                ? "check " + checks.get(0) + " could not run: "
                : checks.size() + " checks could not run (" + String.join(", ", checks.subList(0, Math.min(5, checks.size())))
                        + (checks.size() > 5 ? " and " + (checks.size() - 5) + " more" : "") + "): ") + message));
    }

    static void printSummary(PrintWriter out, SuiteResult result) {
        out.printf(Locale.ROOT, "%s: %s%n", result.suite(), result.status());
        for (CheckResult c : result.checks()) {
            out.printf(Locale.ROOT, "  %-7s %s%s%n", c.status(), c.name(), c.message() == null ? "" : " - " + c.message());
            for (ConditionOutcome o : c.conditions()) {
                if (!o.passed()) {
                    out.printf(Locale.ROOT, "          %s %s: %s%n", o.severity().id(), o.condition(), o.message());
                }
            }
        }
        Map<Status, Integer> counts = result.counts();
        StringBuilder sb = new StringBuilder();
        counts.forEach((s, n) -> {
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(s.id());
            }
        });
        out.printf(Locale.ROOT, "%d checks: %s (%.1f s)%n", result.checks().size(), sb, result.duration().toMillis() / 1000.0);
    }
}
