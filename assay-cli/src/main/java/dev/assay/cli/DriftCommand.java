package dev.assay.cli;

import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileDrift;
import dev.assay.core.profile.ProfileFile;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay drift}: univariate drift of every column (or the chosen ones) between a reference and a
 * current data file, with the method, statistic, p-value, effect size, threshold and verdict per column
 * and the share of drifted columns ({@link DriftAnalysis}).
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Measures how far each column of --current has drifted from --reference.",
                "Methods: auto (KS or chi-square up to 1,000 reference rows, normalised Wasserstein or Jensen-Shannon above),",
                "ks, chi2, cramer_von_mises, psi, wasserstein, jensen_shannon, hellinger. Test p-values are adjusted across",
                "columns (Benjamini-Hochberg) unless --no-fdr."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared (drift or not; columns that could not be compared are listed)", "  2  usage or input error"})
final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "The reference data (CSV, Parquet or JSON lines), or a profile of it (assay profile).")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current data, same columns.")
    Path current;

    @Option(names = "--columns", paramLabel = "LIST", split = ",", description = "Columns to compare (default: every column of both files).")
    List<String> columns;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto", description = "Drift method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--threshold", paramLabel = "X", description = "Significance level of a test or drift distance for every column"
            + " (default per method: 0.05 for tests, 0.1 for distances).")
    Double threshold;

    @Option(names = "--column-threshold", paramLabel = "COL=X", description = "The threshold of one column, e.g. age=0.2 (repeatable).")
    Map<String, Double> thresholds;

    @Option(names = "--no-fdr", description = "Judge raw p-values instead of Benjamini-Hochberg adjusted ones.")
    boolean noFdr;

    @Option(names = "--drift-share", paramLabel = "X", defaultValue = "0.5",
            description = "Share of drifted columns from which the data set has drifted (default: ${DEFAULT-VALUE}).")
    double driftShare;

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        DriftSettings settings = settings();
        Frame cur = read(current, "current");
        DriftReport report;
        if (ProfileFile.isProfile(reference)) {
            DatasetProfile profile = ProfileFile.read(reference);
            List<String> compared = columns == null ? profile.columns().stream().map(ColumnProfile::name).toList() : columns;
            report = ProfileDrift.compare(profile, reference.getFileName().toString(), cur, current.getFileName().toString(),
                    compared, settings);
        } else {
            Frame ref = read(reference, "reference");
            List<String> compared = columns == null ? common(ref, cur) : columns;
            report = DriftAnalysis.compare(ref, reference.getFileName().toString(), cur, current.getFileName().toString(),
                    compared, settings);
        }
        if (report.columns().isEmpty()) {
            throw new InvalidInputException("No column could be compared:\n  " + String.join("\n  ", report.problems().values()));
        }
        DriftOutput output = new DriftOutput(reference.toString(), current.toString(), report);
        spec.commandLine().getOut().println(json ? output.json() : output.text());
        return ExitCode.PASS;
    }

    private DriftSettings settings() {
        DriftMethod m = method.equalsIgnoreCase("auto") ? null : DriftMethod.byId(method);
        if (m == null && !method.equalsIgnoreCase("auto")) {
            List<String> allowed = new ArrayList<>(List.of("auto"));
            Arrays.stream(DriftMethod.values()).map(DriftMethod::id).forEach(allowed::add);
            throw Options.invalid("--method", method, allowed);
        }
        if (threshold != null && !(threshold > 0)) {
            throw new InvalidInputException("--threshold must be a positive number, found " + threshold + ".");
        }
        if (!(driftShare > 0 && driftShare <= 1)) {
            throw new InvalidInputException("--drift-share is a share of columns in (0, 1], found " + driftShare + ".");
        }
        return new DriftSettings(m, threshold, thresholds == null ? Map.of() : thresholds, !noFdr, 0, driftShare,
                DriftSettings.DEFAULT_BINS);
    }

    private static Frame read(Path file, String role) {
        return new DataReader().read(file, role, Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
    }

    /** The columns of the current file, then those only the reference has (reported as absent from the current one). */
    private static List<String> common(Frame ref, Frame cur) {
        List<String> out = new ArrayList<>(cur.columnNames());
        ref.columnNames().stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }
}
