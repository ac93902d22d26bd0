package dev.assay.core.abtest;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.check.Observations;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An {@link AbTestResult} as check observations: the measurements of the {@code ab_test} kind (see
 * {@link AbTestCheckKind}), one evidence table, notes on rows left out, and the decision as summary.
 */
public final class AbTestObservations {
    private AbTestObservations() {
    }

    public static Observations of(AbTestResult r) {
        Observations obs = new Observations();
        double level = 1 - r.settings().alpha();
        long n = r.data().treated().length;
        List<List<Object>> rows = new ArrayList<>();
        int worsened = 0;
        for (MetricResult m : r.metrics()) {
            MeanComparison c = m.comparison();
            String k = m.metric();
            obs.measurement(measured("difference", k, c.difference(), interval(c.ciLow(), c.ciHigh(), level, c.interval()), n));
            obs.measurement(measured("relative_lift", k, c.relative().value(),
                    interval(c.relative().ciLow(), c.relative().ciHigh(), level, "delta"), n));
            obs.measurement(Measurement.of("p_value", k, c.pValue(), n));
            obs.measurement(Measurement.of("holm_p_value", k, m.holm(), n));
            obs.measurement(Measurement.of("fdr_bh_p_value", k, m.fdrBh(), n));
            if (m.mannWhitney() != null) {
                obs.measurement(Measurement.of("mann_whitney_p_value", k, m.mannWhitney().pValue(), n));
            }
            if (m.cuped() != null) {
                MeanComparison a = m.cuped().adjusted();
                obs.measurement(measured("cuped_difference", k, a.difference(), interval(a.ciLow(), a.ciHigh(), level, "cuped"), n));
                obs.measurement(Measurement.of("cuped_p_value", k, a.pValue(), n));
                obs.measurement(Measurement.of("variance_reduction", k, m.cuped().varianceReduction(), n));
            }
            if (m.sequential() != null) {
                List<MixtureSprt.Look> looks = m.sequential().looks();
                obs.measurement(Measurement.of("sequential_p_value", k, looks.get(looks.size() - 1).pValue(), n));
            }
            worsened += m.guardrail() && m.worsened(r.settings().alpha()) ? 1 : 0;
            rows.add(List.of(k + (m.guardrail() ? " (guardrail)" : ""), c.test(), c.controlMean(), c.treatmentMean(),
                    c.difference(), c.ciLow(), c.ciHigh(), c.relative().value(), c.pValue(), m.holm()));
        }
        obs.measurement(Measurement.of("srm_p_value", r.srm().pValue(), n));
        obs.measurement(Measurement.of("guardrails_worsened", worsened, n));
        obs.table(new EvidenceTable("A/B comparison: " + r.data().treatment() + " vs " + r.data().control(), List.of("metric",
                "test", "control mean", "treatment mean", "difference", "ci low", "ci high", "relative lift", "p-value",
                "Holm p-value"), rows));
        if (r.data().missingRows() > 0) {
            obs.note(r.data().missingRows() + " row(s) with a missing value were left out (drop_missing).");
        }
        if (r.data().otherVariantRows() > 0) {
            obs.note(r.data().otherVariantRows() + " row(s) of other variants were left out.");
        }
        sequentialChart(r, obs);
        obs.summary(r.decision().outcome() + ": " + r.decision().reason());
        return obs;
    }

    /** The always-valid p-value of every metric by look, against α. */
    private static void sequentialChart(AbTestResult r, Observations obs) {
        List<Series> series = new ArrayList<>();
        int looks = 0;
        for (MetricResult m : r.metrics()) {
            if (m.sequential() != null) {
                List<MixtureSprt.Look> l = m.sequential().looks();
                looks = l.size();
                series.add(new Series(m.metric(), IntStream.rangeClosed(1, looks).asDoubleStream().toArray(),
                        l.stream().mapToDouble(MixtureSprt.Look::pValue).toArray(), Series.Style.LINE));
            }
        }
        if (series.isEmpty()) {
            return;
        }
        double alpha = r.settings().alpha();
        series.add(new Series("alpha = " + alpha, new double[] {1, looks}, new double[] {alpha, alpha}, Series.Style.GUIDE));
        obs.chart(new XYChart("Always-valid p-value by look", "Normal-mixture mSPRT; looks in order of "
                + String.join(", ", r.data().lookLabels().subList(0, Math.min(3, looks))) + (looks > 3 ? ", ..." : "")
                + ". Crossing alpha at any look is significant.", new Axis("look", 1, Math.max(2, looks)), Axis.unit("p-value"),
                series));
    }

    private static Measurement measured(String name, String key, double value, Interval interval, long n) {
        return new Measurement(name, key, value, interval, null, n, null, List.of());
    }

    private static Interval interval(double low, double high, double level, String method) {
        return Double.isFinite(low) && Double.isFinite(high) && low <= high ? new Interval(low, high, level, method) : null;
    }
}
