package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.SlicePlan;
import dev.assay.core.slicing.SliceResult;
import dev.assay.core.slicing.SliceTables;
import dev.assay.core.slicing.SlicedEvaluation;
import dev.assay.core.slicing.SliceTerm;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of sliced evaluation ({@code --slices age,sex}, {@code --slice-pairs}, {@code --slice-bins},
 * {@code --min-slice-size}, {@code --slice-metrics}) and how its result is printed: a table in text,
 * a {@code slices} member in JSON.
 */
final class SliceOptions {

    @Option(names = "--slices", paramLabel = "COL", split = ",",
            description = {"Also evaluate each slice of these columns: quantile bins of a numeric column, one slice per",
                    "value of a category, missing values as their own slice."})
    List<String> columns = new ArrayList<>();

    @Option(names = "--slice-pairs", description = "Also evaluate the slices of every pair of the --slices columns.")
    boolean pairs;

    @Option(names = "--slice-bins", paramLabel = "N", defaultValue = "4",
            description = "Quantile bins of a numeric slice column, 2 to 100 (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--min-slice-size", paramLabel = "N", defaultValue = "" + SlicePlan.DEFAULT_MIN_SIZE,
            description = "Slices with fewer rows are listed, not measured (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--slice-metrics", paramLabel = "ID", split = ",",
            description = "Metrics per slice (default: recall, precision, f1 for binary; accuracy, f1_macro; mae, rmse).")
    List<String> metrics = new ArrayList<>();

    /** The slice columns, which the data must be read with. */
    List<String> columns() {
        return columns;
    }

    /** The sliced evaluation, when {@code --slices} is given. */
    Optional<SlicedEvaluation> evaluate(Frame frame, Schema schema, EvaluationSettings settings, Task task, IntervalSettings ci,
            long seed) {
        if (columns.isEmpty()) {
            if (pairs || !metrics.isEmpty()) {
                throw new InvalidInputException("--slice-pairs and --slice-metrics apply to the --slices columns; give --slices too.");
            }
            return Optional.empty();
        }
        if (pairs && columns.size() < 2) {
            throw new InvalidInputException("--slice-pairs pairs up the --slices columns; name two or more, e.g. --slices sex,age.");
        }
        Binning binning;
        SlicePlan plan;
        try {
            binning = new Binning(bins, Binning.DEFAULT.maxLevels());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--slice-bins: " + e.getMessage(), e);
        }
        try {
            plan = new SlicePlan(columns, pairs ? SlicePlan.allPairs(columns) : List.of(), binning, minSize,
                    metrics.isEmpty() ? SlicePlan.defaultMetrics(task) : metrics, ci);
        } catch (InvalidInputException e) {
            throw new InvalidInputException((minSize < 1 ? "--min-slice-size: " : "--slices: ") + e.getMessage(), e);
        }
        try {
            return Optional.of(SlicedEvaluation.of(frame, schema, settings, plan, seed));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--slices: " + e.getMessage(), e);
        }
    }

    /** The slice table, the skipped slices and the notes. */
    static void print(PrintWriter out, SlicedEvaluation sliced) {
        EvidenceTable measured = SliceTables.measured(sliced);
        out.println();
        out.println(measured.title());
        out.print(Format.table(measured));
        SliceTables.skipped(sliced).ifPresent(t -> {
            out.println();
            out.println(t.title());
            out.print(Format.table(t));
        });
        sliced.notes().forEach(n -> out.println("  note: " + n));
    }

    /** {@code [{"slice", "key", "terms", "n", "positives", "metrics", "note"} or {..., "skipped"}]}. */
    static ArrayNode toJson(ObjectMapper mapper, SlicedEvaluation sliced) {
        ArrayNode out = mapper.createArrayNode();
        for (SliceResult r : sliced.results()) {
            ObjectNode s = out.addObject();
            s.put("slice", r.slice().describe());
            s.put("key", r.key());
            ArrayNode terms = s.putArray("terms");
            for (SliceTerm t : r.slice().terms()) {
                terms.addObject().put("column", t.column()).put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("label", t.label());
            }
            s.put("n", r.size());
            if (r.positives() >= 0) {
                s.put("positives", r.positives());
            }
            if (!r.measured()) {
                s.put("skipped", r.skipped());
                continue;
            }
            ObjectNode metrics = s.putObject("metrics");
            for (String id : sliced.plan().metrics()) {
                MetricValue v = r.values().get(id);
                ObjectNode m = metrics.putObject(id);
                if (v.defined()) {
                    m.put("value", v.value());
                } else {
                    m.putNull("value");
                    m.put("undefined", v.undefinedReason());
                }
                IntervalEstimate e = r.intervals().get(id);
                if (e != null && e.defined()) {
                    m.set("interval", mapper.valueToTree(e.interval()));
                }
            }
            if (r.note() != null) {
                s.put("note", r.note());
            }
        }
        return out;
    }
}
