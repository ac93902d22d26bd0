package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.resample.Adasyn;
import dev.assay.core.resample.BorderlineSmote;
import dev.assay.core.resample.NearMiss;
import dev.assay.core.resample.RandomOverSampler;
import dev.assay.core.resample.RandomUnderSampler;
import dev.assay.core.resample.Resampled;
import dev.assay.core.resample.Sampler;
import dev.assay.core.resample.SamplingStrategy;
import dev.assay.core.resample.Smote;
import dev.assay.core.resample.SmoteNc;
import dev.assay.core.resample.TomekLinks;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay resample}: rebalances the classes of a data file with one of imbalanced-learn's samplers
 * ({@code dev.assay.core.resample}) and writes the input rows it keeps, then the new rows; {@code --format json}
 * prints the class counts before and after. {@code --version} selects the NearMiss version or Borderline-SMOTE kind, so
 * this command has {@code --help} but not the standard {@code --version} option.
 */
@Command(name = "resample",
        description = {"Rebalances the classes of --data as imbalanced-learn does: the same rows for the same --seed.",
                "Every column but --label is a feature. Methods: smote, borderline_smote (--version 1|2),",
                "adasyn, smotenc (numeric and categorical features), random_over, random_under, tomek,",
                "nearmiss (--version 1|2|3). Writes the input rows it keeps, then the new ones, to --out",
                "(CSV, or Parquet by extension)."},
        footerHeading = "%nExit codes:%n", footer = {"  0  written", "  2  usage or input error"})
final class ResampleCommand implements Callable<Integer> {
    private static final List<String> METHODS = List.of("smote", "borderline_smote", "adasyn", "smotenc", "random_over",
            "random_under", "tomek", "nearmiss");

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The class column.")
    String label;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Methods.class)
    String method;

    @Option(names = "--version", paramLabel = "N", description = "NearMiss version 1, 2 or 3 (default 1); Borderline-SMOTE kind 1 or 2 (default 1).")
    Integer version;

    @Option(names = "--k", paramLabel = "N", description = "Neighbours: 5 for SMOTE variants and ADASYN, 3 for NearMiss (the defaults).")
    Integer k;

    @Option(names = "--m", paramLabel = "N", defaultValue = "10", description = "Borderline-SMOTE: neighbours that decide danger (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "auto",
            description = "auto, minority, majority, not minority, not majority, all, or a ratio minority/majority (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the random choices, 0 to 4294967295 (imbalanced-learn's random_state).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the rows (.csv or .parquet).")
    Path out;

    @Mixin
    OutputFormat outputFormat;

    static final class Methods implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return METHODS.iterator();
        }
    }

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        String m0 = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m0)) {
            throw Options.invalid("--method", method, METHODS);
        }
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new InvalidInputException("--seed must be from 0 to 4294967295, found " + seed + ".");
        }
        SamplingStrategy s = SamplingStrategy.parse(strategy);
        Frame frame = new DataReader().read(data, "data", Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
        boolean copies = m0.equals("random_over") || m0.equals("random_under");
        ResampleInput in = new ResampleInput(frame, data.toString(), label, m0.equals("smotenc"), !copies, m0);
        Sampler sampler = sampler(m0, s, in);
        double[][] x = copies ? new double[frame.rowCount()][0] : in.matrix();
        Resampled r = sampler.resample(x, in.classes);
        ResampleOutput.write(out, in, r);
        spec.commandLine().getOut().println(json ? json(m0, s, in, r) : text(m0, in, r));
        return ExitCode.PASS;
    }

    private Sampler sampler(String name, SamplingStrategy s, ResampleInput in) {
        int kk = k == null ? (name.equals("nearmiss") ? 3 : 5) : k;
        if (kk < 1) {
            throw new InvalidInputException("--k must be at least 1, found " + kk + ".");
        }
        int v = version == null ? 1 : version;
        if (version != null && !name.equals("nearmiss") && !name.equals("borderline_smote")) {
            throw new InvalidInputException("--version applies to nearmiss and borderline_smote only, not " + name + ".");
        }
        if (v < 1 || v > (name.equals("nearmiss") ? 3 : 2)) {
            throw new InvalidInputException("--version of " + name + " must be " + (name.equals("nearmiss") ? "1, 2 or 3" : "1 or 2")
                    + ", found " + v + ".");
        }
        if (name.equals("smotenc") && !anyCategorical(in)) {
            throw new InvalidInputException(in.file + " has no categorical feature; use --method smote.");
        }
        return switch (name) {
            case "smote" -> new Smote(s, kk, seed);
            case "borderline_smote" -> new BorderlineSmote(s, v, kk, m, seed);
            case "adasyn" -> new Adasyn(s, kk, seed);
            case "smotenc" -> new SmoteNc(in.categorical, s, kk, seed);
            case "random_over" -> new RandomOverSampler(s, seed);
            case "random_under" -> new RandomUnderSampler(s, seed);
            case "tomek" -> new TomekLinks(s);
            default -> new NearMiss(s, v, kk, 3);
        };
    }

    private static boolean anyCategorical(ResampleInput in) {
        for (boolean b : in.categorical) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private String text(String name, ResampleInput in, Resampled r) {
        int[] after = r.counts(in.classes);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d rows -> %d rows (%d kept, %d new), written to %s%n",
                name, in.frame.rowCount(), r.size(), r.kept().length, r.synthetic().length, out));
        int width = in.classes.names().stream().mapToInt(String::length).max().orElse(5);
        sb.append(String.format(Locale.ROOT, "  %-" + Math.max(5, width) + "s %8s %8s%n", "class", "before", "after"));
        for (int c = 0; c < in.classes.size(); c++) {
            sb.append(String.format(Locale.ROOT, "  %-" + Math.max(5, width) + "s %8d %8d%n", in.classes.names().get(c),
                    in.classes.counts()[c], after[c]));
        }
        return sb.toString().stripTrailing();
    }

    private String json(String name, SamplingStrategy s, ResampleInput in, Resampled r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("method", name).put("strategy", s.toString()).put("seed", seed).put("data", data.toString()).put("out", out.toString());
        o.put("rows_before", in.frame.rowCount()).put("rows_after", r.size()).put("new_rows", r.synthetic().length);
        ObjectNode before = o.putObject("counts_before");
        ObjectNode after = o.putObject("counts_after");
        int[] a = r.counts(in.classes);
        for (int c = 0; c < in.classes.size(); c++) {
            before.put(in.classes.names().get(c), in.classes.counts()[c]);
            after.put(in.classes.names().get(c), a[c]);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
