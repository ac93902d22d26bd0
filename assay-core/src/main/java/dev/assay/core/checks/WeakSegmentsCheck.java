package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.result.Measurement;
import dev.assay.core.segments.SegmentColumns;
import dev.assay.core.segments.SegmentEvidence;
import dev.assay.core.segments.SegmentReport;
import dev.assay.core.segments.SegmentSettings;
import dev.assay.core.segments.WeakSegment;
import dev.assay.core.segments.WeakSegmentSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Searches the current data for weak segments ({@link WeakSegmentSearch}) with the predicted classes
 * of the suite's evaluation (same rows, positive class and threshold as the metric check) and
 * measures {@code segments} (the slices significant at the FDR), {@code worst_gap} (the largest
 * shortfall of a reported segment against the rest, 0 when none) and {@code tried} (the slices tried,
 * the m of the correction), so that {@code segments == 0} can warn. Without {@code columns} it slices
 * {@link SegmentColumns#of the default columns}. Built by {@link WeakSegmentsCheckKind}.
 */
final class WeakSegmentsCheck extends MeasuringCheck {
    static final String KIND = "weak_segments";
    static final List<String> MEASURES = List.of("segments", "worst_gap", "tried");

    private final SegmentSettings settings;
    private final List<String> columns;

    WeakSegmentsCheck(CheckSetup setup, SegmentSettings settings, List<String> columns) {
        super(setup, KIND, MEASURES, Requirements.LABELLED_PREDICTIONS);
        this.settings = settings;
        this.columns = List.copyOf(columns);
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("metric", settings.metric().id());
        if (!columns.isEmpty()) {
            out.put("columns", String.join(", ", columns));
        }
        out.put("pairs", Boolean.toString(settings.pairs()));
        out.put("bins", Integer.toString(settings.binning().quantiles()));
        out.put("min_size", Integer.toString(settings.minSize()));
        out.put("fdr", Double.toString(settings.fdr()));
        out.put("max_segments", Integer.toString(settings.maxSegments()));
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Evaluation e = RunEvaluations.of(context, context.current(), setup().evaluation());
        BinaryOutcomes outcomes = e.binaryOutcomes().orElseThrow(() -> new InvalidInputException(
                "Weak segments compare predicted classes of a binary task, but the data was evaluated as a " + e.task().id()
                        + " task" + (e.task().id().equals("binary") ? " without predicted classes" : "")
                        + ". Set evaluation.task to binary and name the prediction or score column."));
        Frame frame = context.current().frame();
        Observations obs = new Observations();
        List<String> sliced = columns;
        if (columns.isEmpty()) {
            SegmentColumns defaults = SegmentColumns.of(frame, context.current().schema());
            sliced = defaults.columns();
            defaults.note().ifPresent(obs::note);
        }
        SegmentReport report = WeakSegmentSearch.search(frame, sliced, outcomes, settings);
        double worst = 0;
        for (WeakSegment s : report.segments()) {
            worst = Math.max(worst, s.test().shortfall(settings.metric()));
        }
        obs.measurement(Measurement.of("segments", report.significant(), frame.rowCount()));
        obs.measurement(Measurement.of("worst_gap", worst, frame.rowCount()));
        obs.measurement(Measurement.of("tried", report.tried(), frame.rowCount()));
        obs.table(SegmentEvidence.table(report));
        obs.note(SegmentEvidence.describe(report, outcomes.positiveClass()));
        report.notes().forEach(obs::note);
        if (context.current().schema().weight() != null) {
            obs.note("Sample weights (column '" + Excerpt.of(context.current().schema().weight()) + "') are not applied: the"
                    + " exact tests count rows, every row once.");
        }
        obs.summary(report.significant() == 0
                ? String.format(Locale.ROOT, "No weak segment: none of %d slices has %s significantly worse than the rest (FDR %s).",
                        report.tried(), settings.metric().id(), settings.fdr())
                : String.format(Locale.ROOT, "%d of %d slices have %s significantly worse than the rest (FDR %s); worst: %s",
                        report.significant(), report.tried(), settings.metric().id(), settings.fdr(),
                        SegmentEvidence.headline(report.segments().get(0), settings.metric())));
        return obs;
    }
}
