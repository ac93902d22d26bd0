package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.segments.SegmentColumns;
import dev.assay.core.segments.SegmentEvidence;
import dev.assay.core.segments.SegmentMetric;
import dev.assay.core.segments.SegmentReport;
import dev.assay.core.segments.SegmentSettings;
import dev.assay.core.segments.SliceTest;
import dev.assay.core.segments.WeakSegment;
import dev.assay.core.segments.WeakSegmentSearch;
import dev.assay.core.slicing.Binning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --weak-segments}: searches the evaluated rows for slices of one or two columns
 * where a metric is significantly worse than on the rest, and prints them in text or as the
 * {@code weak_segments} member of the JSON output.
 */
final class WeakSegmentOptions {

    @Option(names = "--weak-segments", description = "Search slices of one and two columns where a metric is significantly "
            + "worse than on the other rows (binary tasks; Fisher exact tests, Benjamini-Hochberg FDR 0.05).")
    boolean enabled;

    @Option(names = "--segment-metric", paramLabel = "METRIC", defaultValue = "accuracy",
            description = "accuracy, recall, precision, specificity, npv, fpr or fnr (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--max-segments", paramLabel = "N", defaultValue = "" + SegmentSettings.DEFAULT_MAX_SEGMENTS,
            description = "The most segments shown (default: ${DEFAULT-VALUE}).")
    int maxSegments;

    @Option(names = "--segment-columns", paramLabel = "COL", split = ",",
            description = "Columns to slice (default: every column but the label, prediction, score and weight).")
    List<String> columns = new ArrayList<>();

    /** Whether the data must be read whole: the search slices columns beyond those evaluated. */
    boolean enabled() {
        return enabled;
    }

    /** The search on the evaluated rows; null without {@code --weak-segments}. */
    SegmentReport search(Frame frame, Schema schema, Evaluation evaluation, List<String> notes) {
        if (!enabled) {
            return null;
        }
        SegmentMetric m = Options.enumOption("--segment-metric", metric, SegmentMetric.class);
        if (maxSegments < 1) {
            throw new InvalidInputException("--max-segments must be at least 1, found " + maxSegments + ".");
        }
        BinaryOutcomes outcomes = evaluation.binaryOutcomes().orElseThrow(() -> new InvalidInputException(
                "--weak-segments compares predicted classes of a binary task, but the data was evaluated as a "
                        + evaluation.task().id() + " task" + (evaluation.task().id().equals("binary") ? " without predicted classes"
                        : "") + ". Give --task binary and --prediction or --score, or leave out --weak-segments."));
        List<String> sliced = columns.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (sliced.isEmpty()) {
            SegmentColumns defaults = SegmentColumns.of(frame, schema);
            sliced = defaults.columns();
            defaults.note().ifPresent(notes::add);
        }
        SegmentSettings settings = new SegmentSettings(m, Binning.DEFAULT, true, SegmentSettings.DEFAULT_MIN_SIZE,
                SegmentSettings.DEFAULT_FDR, maxSegments);
        SegmentReport report = WeakSegmentSearch.search(frame, sliced, outcomes, settings);
        notes.add(SegmentEvidence.describe(report, outcomes.positiveClass()));
        notes.addAll(report.notes());
        return report;
    }

    /** The segments as a table, or a line saying there are none; nothing for a null report. */
    static void print(PrintWriter out, SegmentReport report) {
        if (report == null) {
            return;
        }
        out.println();
        if (report.segments().isEmpty()) {
            out.printf(Locale.ROOT, "No weak segments: none of %d slices tried has %s significantly worse than the rest%s.%n",
                    report.tried(), report.settings().metric().id(), report.tooSmall() == 0 ? ""
                            : String.format(Locale.ROOT, " (%d more had fewer than %d rows to judge it on and were not tried)",
                                    report.tooSmall(), report.settings().minSize()));
            return;
        }
        var table = SegmentEvidence.table(report);
        out.println(table.title());
        out.print(Format.table(table));
    }

    /** {@code weak_segments}: the settings, the counts and one object per segment; null without the search. */
    static void addTo(ObjectNode root, SegmentReport report, ObjectMapper mapper) {
        if (report == null) {
            return;
        }
        ObjectNode w = root.putObject("weak_segments");
        w.put("metric", report.settings().metric().id());
        w.put("fdr", report.settings().fdr());
        w.put("min_size", report.settings().minSize());
        w.set("columns", mapper.valueToTree(report.columns()));
        w.put("tried", report.tried());
        w.put("significant", report.significant());
        w.put("too_small", report.tooSmall());
        w.put("duplicates", report.duplicates());
        ArrayNode segments = w.putArray("segments");
        for (WeakSegment s : report.segments()) {
            SliceTest t = s.test();
            ObjectNode n = segments.addObject();
            n.put("segment", s.description());
            n.put("rows", s.rows());
            n.put("positives", t.positives());
            n.put("count", t.count());
            n.put("value", t.metric());
            n.put("rest", t.restMetric());
            n.put("difference", t.difference());
            n.set("interval", mapper.valueToTree(s.interval()));
            n.put("p_value", t.pValue());
            n.put("adjusted_p", t.adjustedP());
            n.put("impact", s.impact());
        }
    }
}
