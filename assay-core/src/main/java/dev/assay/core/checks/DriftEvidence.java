package dev.assay.core.checks;

import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.Chart;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.result.EvidenceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evidence of a drift check: one table row per column, and the two distributions of each drifted column. */
final class DriftEvidence {
    /** Charts for at most this many drifted columns, the largest effect first. */
    static final int MAX_CHARTS = 12;

    private DriftEvidence() {
    }

    static EvidenceTable table(DriftReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnDrift c : report.columns()) {
            rows.add(List.of(c.column(), c.methodName(), c.statistic(), orDash(c.pValue()), orDash(c.adjustedP()),
                    c.effectName() + " " + String.format(Locale.ROOT, "%.4g", c.effectSize()), c.threshold(),
                    c.drift() ? "yes" : "no", c.referenceCount(), c.currentCount()));
        }
        report.problems().forEach((column, problem) -> rows.add(List.of(column, "-", "-", "-", "-", "-", "-",
                "not checked: " + problem, "-", "-")));
        return new EvidenceTable("Drift by column", List.of("column", "method", "statistic", "p-value", "adjusted p",
                "effect size", "threshold", "drift", "reference n", "current n"), rows);
    }

    static List<Chart> charts(DriftReport report) {
        List<ColumnDrift> drifted = new ArrayList<>(report.columns().stream().filter(ColumnDrift::drift).toList());
        drifted.sort((a, b) -> Double.compare(b.effectSize(), a.effectSize()));
        List<Chart> out = new ArrayList<>();
        for (ColumnDrift c : drifted.subList(0, Math.min(MAX_CHARTS, drifted.size()))) {
            out.add(new BarChart("Distribution of " + c.column(), String.format(Locale.ROOT,
                    "Share of rows per bin, reference vs current; %s = %.4g%s", c.method().id(), c.statistic(),
                    Double.isNaN(c.pValue()) ? "" : String.format(Locale.ROOT, ", p = %.3g", c.pValue())),
                    "share of rows", c.bins().labels(), List.of("reference", "current"),
                    List.of(c.bins().referenceShares(), c.bins().currentShares())));
        }
        return out;
    }

    private static Object orDash(double v) {
        return Double.isNaN(v) ? "-" : v;
    }
}
