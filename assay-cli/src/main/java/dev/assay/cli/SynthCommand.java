package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.progress.Progress;
import dev.assay.core.synth.GaussianCopula;
import dev.assay.core.synth.quality.NewRowSynthesis;
import dev.assay.core.synth.quality.QualityReport;
import dev.assay.core.synth.quality.SyntheticQuality;
import dev.assay.io.DataReader;
import dev.assay.io.FrameWriter;
import dev.assay.models.synth.SyntheticUtility;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay synth}: fits a Gaussian copula ({@link GaussianCopula}) to a data file, writes synthetic rows with
 * the same columns and types, and reports their quality against the real data ({@link SyntheticQuality}) with the
 * marginal chosen for every numeric column; with {@code --holdout}, DCR overfitting protection, and with
 * {@code --label} too, train-on-synthetic / test-on-real utility ({@link SyntheticUtility}).
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes synthetic rows like --data (Gaussian copula) to --out and reports their quality:",
                "KSComplement / TVComplement per column, correlation and contingency similarity, new-row synthesis and",
                "distance-to-closest-record scores (SDMetrics' definitions), and the marginal chosen for each numeric column."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written and scored", "  2  usage or input error (nothing is written)"})
final class SynthCommand implements Callable<Integer> {
    private static final int MAX_ROWS = 10_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The real data (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Synthetic rows to write.")
    int rows;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of fitting and sampling; the same seed gives the same rows.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the rows: .csv or .parquet.")
    Path out;

    @Option(names = "--condition", paramLabel = "COL=VALUE", description = "Fix a column's value in every row (repeatable), e.g. sex=Female or age=40.")
    Map<String, String> conditions;

    @Option(names = "--holdout", paramLabel = "FILE", description = "Real rows not in --data: adds DCR overfitting protection (and utility with --label).")
    Path holdout;

    @Option(names = "--label", paramLabel = "COL", description = "Class label for train-on-synthetic / test-on-real utility; needs --holdout.")
    String label;

    @Option(names = "--dcr-rows", paramLabel = "N", defaultValue = "1000", description = "Synthetic rows compared by DCR (default: ${DEFAULT-VALUE}).")
    int dcrRows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        String fmt = Options.choice("--format", format, List.of("text", "json", "html"));
        if (rows < 1 || rows > MAX_ROWS) {
            throw new InvalidInputException("--rows must be from 1 to " + MAX_ROWS + ", found " + rows + ".");
        }
        if (!FrameWriter.supports(out)) {
            throw new InvalidInputException("--out " + out + ": the file name must end in .csv or .parquet, which decides the format.");
        }
        if (label != null && holdout == null) {
            throw new InvalidInputException("--label " + label + " needs --holdout FILE: utility tests the models on real rows"
                    + " the synthesizer did not see.");
        }
        Frame real = read(data, "data");
        Frame held = holdout == null ? null : read(holdout, "holdout");
        Progress progress = TerminalProgress.forTerminal(spec.commandLine().getErr());
        progress.begin("synth", label == null ? 4 : 5);
        GaussianCopula copula;
        Frame synthetic;
        QualityReport quality;
        SyntheticUtility.Result utility = null;
        try {
            copula = GaussianCopula.fit(real, seed);
            progress.advance("fitted");
            synthetic = copula.sample(rows, seed, conditions == null ? Map.of() : conditions);
            progress.advance("sampled");
            quality = new SyntheticQuality(NewRowSynthesis.TOLERANCE, dcrRows, seed).compare(real, synthetic, held);
            progress.advance("scored");
            if (label != null) {
                utility = SyntheticUtility.evaluate(real, synthetic, held, label);
                progress.advance("utility");
            }
            FrameWriter.write(synthetic, out, "--out");
            progress.advance("written");
        } finally {
            progress.end();
        }
        SynthOutput report = new SynthOutput(data.toString(), out.toString(), holdout == null ? null : holdout.toString(), rows, seed,
                conditions == null ? Map.of() : conditions, copula, quality, utility, real, synthetic);
        String text = switch (fmt) {
            case "json" -> report.json();
            case "html" -> SynthPage.html(report);
            default -> report.text();
        };
        AtomicFiles.printOrWrite(spec.commandLine().getOut(), output, text, "--output");
        return ExitCode.PASS;
    }

    private static Frame read(Path file, String role) {
        return new DataReader().read(file, role, Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
    }
}
