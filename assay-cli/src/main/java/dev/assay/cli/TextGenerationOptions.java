package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.text.Bleu;
import dev.assay.core.text.BleuSmoothing;
import dev.assay.core.text.Rouge;
import dev.assay.core.text.TextGenerationMetrics;
import dev.assay.core.text.TextPairs;
import dev.assay.io.DataReader;
import dev.assay.io.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code assay evaluate --task text-generation}: the reference and hypothesis columns and
 * BLEU's settings; prints every {@link TextGenerationMetrics} metric, as text or as JSON with a
 * {@code metrics} member keyed by metric id.
 */
final class TextGenerationOptions {
    /** The --task value that selects text generation. */
    static final String TASK = "text-generation";

    @Option(names = "--reference", paramLabel = "COL", description = "With --task text-generation: column with the reference text.")
    String reference;

    @Option(names = "--hypothesis", paramLabel = "COL", description = "With --task text-generation: column with the generated text.")
    String hypothesis;

    @Option(names = "--bleu-smoothing", paramLabel = "METHOD", defaultValue = "exp",
            description = "With --task text-generation: exp, floor, add-k or none (sacreBLEU's names; default: ${DEFAULT-VALUE}).")
    String smoothing;

    @Option(names = "--lowercase", description = "With --task text-generation: lower-case texts before BLEU.")
    boolean lowercase;

    @Option(names = "--stemming", description = "With --task text-generation: Porter-stem ROUGE tokens (rouge-score's use_stemmer).")
    boolean stemming;

    /** Whether {@code task} asks for text generation. */
    static boolean selected(String task) {
        return task != null && TASK.equals(task.strip().toLowerCase(Locale.ROOT));
    }

    /** Reads the pairs, computes the metrics and prints them; returns the exit code. */
    int run(Path data, ReadOptions options, boolean json, PrintWriter out) {
        if (reference == null || hypothesis == null) {
            throw new InvalidInputException("--task text-generation needs --reference COL and --hypothesis COL: the columns with "
                    + "the reference and the generated texts.");
        }
        BleuSmoothing method;
        try {
            method = BleuSmoothing.of(smoothing);
        } catch (InvalidInputException e) {
            throw Options.invalid("--bleu-smoothing", smoothing, List.of("exp", "floor", "add-k", "none"));
        }
        Frame frame = new DataReader().read(data, "current", options.withOnlyColumns(List.of(reference, hypothesis))).frame();
        TextPairs pairs = TextPairs.of(frame, reference, hypothesis);
        Map<String, Double> metrics = TextGenerationMetrics.compute(pairs.references(), pairs.hypotheses(), Bleu.of(method, lowercase),
                new Rouge(stemming));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("data", data.toString());
            root.put("task", TASK);
            root.put("rows", frame.rowCount());
            ObjectNode settings = root.putObject("settings");
            settings.put("bleu_tokenize", "13a");
            settings.put("bleu_smoothing", method.id());
            settings.put("lowercase", lowercase);
            settings.put("rouge_stemming", stemming);
            ObjectNode m = root.putObject("metrics");
            metrics.forEach(m::put);
            out.println(root.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "Text generation: %d pairs (BLEU: 13a tokens, %s smoothing%s)%n", frame.rowCount(), method.id(),
                    lowercase ? ", lower-cased" : "");
            metrics.forEach((id, v) -> out.printf(Locale.ROOT, "  %-12s %.4f%n", id, v));
        }
        return ExitCode.PASS;
    }
}
