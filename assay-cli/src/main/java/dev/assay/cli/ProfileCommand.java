package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.profile.CategoryProfile;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.ProfileFile;
import dev.assay.core.profile.Profiler;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay profile}: profiles one or more data files (merged, same columns) into a profile file of
 * mergeable sketches ({@link Profiler}, {@link ProfileFile}) that {@code assay drift --reference} and a
 * suite's {@code data.reference} accept in place of the data.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profiles DATA into a compact, mergeable profile file, to measure drift without the raw data.",
                "Several files or partitions are merged into one profile: exact counts, min, max, mean and variance,",
                "KLL quantiles, frequent items and HLL distinct counts per column. Use the profile as --reference",
                "of 'assay drift' or as data.reference of a suite."},
        footerHeading = "%nExit codes:%n", footer = {"  0  profile written", "  2  usage or input error"})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Data files (CSV, Parquet or JSON lines) or profiles to merge.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The profile file to write.")
    Path out;

    @Option(names = "--columns", paramLabel = "LIST", split = ",", description = "Columns to profile (default: every column).")
    List<String> columns;

    @Override
    public Integer call() {
        DatasetProfile profile = null;
        for (Path file : data) {
            DatasetProfile part = part(file);
            if (profile == null) {
                profile = part;
            } else {
                profile.merge(part, data.get(0).getFileName() + " and " + file.getFileName());
            }
        }
        ProfileFile.write(profile, out);
        spec.commandLine().getOut().print(summary(profile));
        return ExitCode.PASS;
    }

    private DatasetProfile part(Path file) {
        if (ProfileFile.isProfile(file)) {
            return ProfileFile.read(file);
        }
        Frame frame = new DataReader().read(file, "data", Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
        String name = file.getFileName().toString();
        return columns == null ? Profiler.profile(frame, name) : Profiler.profile(frame, name, columns);
    }

    private String summary(DatasetProfile profile) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Profile of %s (%d rows, %d columns) written to %s%n%n",
                String.join(", ", profile.sources()), profile.rows(), profile.columns().size(), out));
        s.append(String.format(Locale.ROOT, "  %-24s %-11s %9s %9s %12s %12s %12s %12s%n", "column", "type", "missing", "distinct",
                "min", "median", "max", "mean"));
        for (ColumnProfile c : profile.columns()) {
            String min = "";
            String median = "";
            String max = "";
            String mean = "";
            if (c instanceof NumericProfile) {
                NumericProfile n = (NumericProfile) c;
                min = Format.number(n.min());
                median = Format.number(n.quantile(0.5));
                max = Format.number(n.max());
                mean = Format.number(n.moments().mean());
            } else {
                CategoryProfile p = (CategoryProfile) c;
                median = p.counts().isEmpty() ? "" : "top: " + p.counts().keySet().iterator().next();
            }
            s.append(String.format(Locale.ROOT, "  %-24s %-11s %9d %9.0f %12s %12s %12s %12s%n", c.name(), c.type(), c.missing(),
                    c.distinct(), min, median, max, mean));
        }
        return s.toString();
    }
}
