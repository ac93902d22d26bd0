package dev.assay.core.slicing;

import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables of a {@link SlicedEvaluation}, for reports and the command line: data, no formatting beyond interval text. */
public final class SliceTables {
    private SliceTables() {
    }

    /** One row per measured slice: slice, n, positives, each metric and its interval, note. */
    public static EvidenceTable measured(SlicedEvaluation sliced) {
        List<String> metrics = sliced.plan().metrics();
        IntervalSettings ci = sliced.plan().ci();
        boolean binary = sliced.positiveClass() != null;
        List<String> columns = new ArrayList<>(List.of("slice", "n"));
        if (binary) {
            columns.add("positives");
        }
        for (String id : metrics) {
            columns.add(id);
            if (hasInterval(id, ci)) {
                columns.add(id + " " + percent(ci.level()) + " CI");
            }
        }
        columns.add("note");
        List<List<Object>> rows = new ArrayList<>();
        for (SliceResult r : sliced.results()) {
            if (!r.measured()) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(r.slice().describe(), r.size()));
            if (binary) {
                row.add(r.positives());
            }
            for (String id : metrics) {
                MetricValue v = r.values().get(id);
                row.add(v.value());
                if (hasInterval(id, ci)) {
                    row.add(interval(r.intervals().get(id)));
                }
            }
            row.add(r.note() == null ? "" : r.note());
            rows.add(row);
        }
        return new EvidenceTable("Metrics per slice (" + rows.size() + " measured; conditions address a slice by its key, "
                + "e.g. " + metrics.get(0) + "[" + sliced.results().stream().filter(SliceResult::measured).findFirst().map(SliceResult::key)
                .orElse("sex=Female") + "])", columns, rows);
    }

    /** The slices below the minimum size or that could not be evaluated, when there are any. */
    public static Optional<EvidenceTable> skipped(SlicedEvaluation sliced) {
        List<List<Object>> rows = new ArrayList<>();
        for (SliceResult r : sliced.results()) {
            if (!r.measured()) {
                rows.add(List.of(r.slice().describe(), r.size(), r.positives() < 0 ? "" : r.positives(), r.skipped()));
            }
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new EvidenceTable("Slices not measured (" + rows.size() + "; a slice needs at least " + sliced.plan().minSize() + " rows)",
                List.of("slice", "n", "positives", "why"), rows));
    }

    /** Whether {@code ci} gives {@code id} an interval (Wilson only gives proportions one). */
    private static boolean hasInterval(String id, IntervalSettings ci) {
        return ci != null && !MetricIntervals.applicable(List.of(id), ci.method()).isEmpty();
    }

    /** "0.412–0.623", or "–" when there is no interval. */
    public static String interval(IntervalEstimate e) {
        if (e == null || !e.defined()) {
            return "–";
        }
        Interval i = e.interval();
        return String.format(Locale.ROOT, "%.3f–%.3f", i.lower(), i.upper());
    }

    /** "95%" for 0.95. */
    public static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }
}
