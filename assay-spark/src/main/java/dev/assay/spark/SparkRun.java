package dev.assay.spark;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import dev.assay.report.Reports;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of the shaded jar, for {@code spark-submit}:
 * {@code spark-submit --master yarn assay-spark-VERSION-spark-submit.jar SUITE.yaml [--output DIR]}.
 * Writes the same reports as {@code assay run} and exits 0 (every condition held), 1 (a condition
 * failed) or 2 (usage or input error, or a check could not run).
 */
public final class SparkRun {
    private SparkRun() {
    }

    /** Runs the suite named by the first argument. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args.length % 2 == 0) {
            System.err.println("usage: spark-submit assay-spark-spark-submit.jar SUITE.yaml [--output DIR] [--master URL]");
            return 2;
        }
        Path output = Path.of("assay-report");
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--output" -> output = Path.of(args[i + 1]);
                case "--master" -> options.put("master", args[i + 1]);
                default -> {
                    System.err.println("error: unknown option " + args[i] + "; known: --output DIR, --master URL");
                    return 2;
                }
            }
        }
        try {
            SuitePlan plan = SuitePlan.fromFile(Path.of(args[0]));
            Reports.checkWritable(output);
            SuiteResult result = new SparkSuiteEngine().run(plan, options, dev.assay.core.progress.Progress.NONE);
            List<Path> written = Reports.writeAll(result, output);
            System.out.println(result.suite() + ": " + result.status());
            for (CheckResult c : result.checks()) {
                System.out.println("  " + c.status() + " " + c.name() + (c.message() == null ? "" : " - " + c.message()));
            }
            written.forEach(p -> System.out.println("  " + p));
            return result.status() == Status.FAIL ? 1 : result.status() == Status.ERROR ? 2 : 0;
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
