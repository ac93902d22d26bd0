package dev.assay.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The training run of the class-data sharing archive that the {@code assay} launcher records once per
 * build ({@code java -XX:ArchiveClassesAtExit=... -cp assay.jar dev.assay.cli.ClassDataTraining}).
 *
 * <p>Later runs ({@code -XX:SharedArchiveFile=...}) map the classes loaded here from the archive, already
 * parsed and verified, instead of reading them from the jar. So this runs, in one JVM and printing
 * nothing, the commands people use most on the bundled German-credit example: {@code evaluate} on stored
 * predictions (text and JSON), {@code evaluate --model} (ONNX), {@code run} of a suite with all four
 * reports, and {@code metrics}. Not a user command: it is not registered with {@link AssayCommand}.
 */
final class ClassDataTraining {
    private static final List<String> EXAMPLES = List.of("german-credit/suite.yaml", "german-credit/train.csv",
            "german-credit/test.csv", "models/german_credit_forest.onnx");

    private ClassDataTraining() {
    }

    /** Prepares the start-up as {@link AssayCommand#main} does, then runs the workload. */
    public static void main(String[] args) throws IOException {
        Startup.prepare();
        runWorkload();
    }

    /** Runs the commands of the workload on the bundled example; throws if one of them fails. */
    static void runWorkload() throws IOException {
        try (TemporaryFolder folder = new TemporaryFolder("assay-cds-")) {
            Path work = folder.path();
            BundledExamples.unpack(work, EXAMPLES);
            String predictions = writePredictions(work.resolve("predictions.csv")).toString();
            String test = work.resolve("german-credit/test.csv").toString();
            String model = work.resolve("models/german_credit_forest.onnx").toString();
            run("evaluate", "--data", predictions, "--label", "label", "--score", "score");
            run("evaluate", "--data", predictions, "--label", "label", "--score", "score", "--prediction", "predicted",
                    "--format", "json");
            run("evaluate", "--data", test, "--label", "class", "--positive", "bad", "--model", model);
            run("run", work.resolve("german-credit/suite.yaml").toString(), "--out", work.resolve("report").toString());
            run("metrics");
        }
    }

    /** Runs one command line, discarding its output; a command that does not pass means the workload is out of date. */
    private static void run(String... args) {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int code = AssayCommand.execute(args, discard, discard);
        if (code != ExitCode.PASS) {
            throw new IllegalStateException("training command exited with " + code + ": assay " + String.join(" ", args));
        }
    }

    /** A small binary data set with a label, a score, a predicted class and a segment column. */
    private static Path writePredictions(Path file) throws IOException {
        Random random = new Random(20261201);
        StringBuilder csv = new StringBuilder("label,score,predicted,segment\n");
        String[] segments = {"north", "south", "east", "west"};
        for (int i = 0; i < 200; i++) {
            int label = random.nextDouble() < 0.3 ? 1 : 0;
            double score = Math.min(1, Math.max(0, 0.3 + 0.4 * label + 0.25 * random.nextGaussian()));
            csv.append(label).append(',').append(String.format(Locale.ROOT, "%.4f", score)).append(',')
                    .append(score >= 0.5 ? 1 : 0).append(',').append(segments[i % 4]).append('\n');
        }
        return Files.writeString(file, csv);
    }
}
