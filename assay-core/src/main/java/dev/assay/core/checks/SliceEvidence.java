package dev.assay.core.checks;

import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.slicing.SliceResult;
import dev.assay.core.slicing.SlicedEvaluation;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables of a {@link SlicedEvaluation}: data for reports, no formatting beyond interval text. */
final class SliceEvidence {
    private SliceEvidence() {
    }

    /** One row per measured slice: slice, key, n, positives, each metric and its interval, note. */
    static EvidenceTable measured(SlicedEvaluation sliced, List<String> metrics, IntervalSettings ci) {
        boolean binary = sliced.positiveClass() != null;
        List<String> columns = new ArrayList<>(List.of("slice", "key", "n"));
        if (binary) {
            columns.add("positives");
        }
        for (String id : metrics) {
            columns.add(id);
            if (ci != null) {
                columns.add(id + " " + MetricCheck.percent(ci.level()) + " CI");
            }
        }
        columns.add("note");
        List<List<Object>> rows = new ArrayList<>();
        for (SliceResult r : sliced.results()) {
            if (!r.measured()) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(r.slice().describe(), r.key(), r.size()));
            if (binary) {
                row.add(r.positives());
            }
            for (String id : metrics) {
                MetricValue v = r.values().get(id);
                row.add(v.value());
                if (ci != null) {
                    row.add(interval(r.intervals().get(id)));
                }
            }
            row.add(r.note() == null ? "" : r.note());
            rows.add(row);
        }
        return new EvidenceTable("Metrics per slice (" + rows.size() + " measured; conditions address a slice by its key, "
                + "e.g. " + metrics.get(0) + "[" + (rows.isEmpty() ? "sex=Female" : rows.get(0).get(1)) + "])", columns, rows);
    }

    /** The slices below the minimum size or that could not be evaluated, when there are any. */
    static Optional<EvidenceTable> skipped(SlicedEvaluation sliced) {
        List<List<Object>> rows = new ArrayList<>();
        for (SliceResult r : sliced.results()) {
            if (!r.measured()) {
                rows.add(List.of(r.slice().describe(), r.size(), r.positives() < 0 ? "" : r.positives(), r.skipped()));
            }
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new EvidenceTable("Slices not measured (" + rows.size() + ")",
                List.of("slice", "n", "positives", "why"), rows));
    }

    /** "0.412–0.623", or "–" when there is no interval. */
    static String interval(IntervalEstimate e) {
        if (e == null || !e.defined()) {
            return "–";
        }
        Interval i = e.interval();
        return String.format(Locale.ROOT, "%.3f–%.3f", i.lower(), i.upper());
    }
}
