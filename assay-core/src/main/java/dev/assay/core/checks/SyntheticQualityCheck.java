package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.synth.quality.DistanceToClosestRecord;
import dev.assay.core.synth.quality.DistributionCharts;
import dev.assay.core.synth.quality.QualityReport;
import dev.assay.core.synth.quality.SyntheticQuality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synthetic (current) against real (reference) data: {@code ks_complement[col]}, {@code tv_complement[col]},
 * {@code column_shapes}, {@code correlation_similarity} and {@code contingency_similarity} (means over pairs),
 * {@code column_pair_trends}, {@code quality_score}, {@code new_row_synthesis}, {@code dcr_median} and
 * {@code dcr_baseline_protection}. Built by {@link SyntheticQualityCheckKind}.
 */
final class SyntheticQualityCheck extends MeasuringCheck {
    static final String KIND = "synthetic_quality";
    static final List<String> MEASURES = List.of("ks_complement", "tv_complement", "column_shapes", "correlation_similarity",
            "contingency_similarity", "column_pair_trends", "quality_score", "new_row_synthesis", "dcr_median",
            "dcr_baseline_protection");

    private final List<String> columns;
    private final double tolerance;
    private final int dcrRows;

    SyntheticQualityCheck(CheckSetup setup, List<String> columns, double tolerance, int dcrRows) {
        super(setup, KIND, MEASURES, Requirements.NONE.withReference());
        this.columns = List.copyOf(columns);
        this.tolerance = tolerance;
        this.dcrRows = dcrRows;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!columns.isEmpty()) {
            out.put("columns", String.join(", ", columns));
        }
        out.put("tolerance", Double.toString(tolerance));
        out.put("dcr_rows", Integer.toString(dcrRows));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset synthetic = context.current();
        Dataset real = context.reference().orElseThrow(() -> new InvalidInputException(
                "The reference data has no rows; synthetic_quality compares the synthetic (current) data with real reference rows."));
        Frame r = columns.isEmpty() ? real.frame() : real.frame().select(columns);
        QualityReport q = new SyntheticQuality(tolerance, dcrRows, setup().seed()).compare(r, synthetic.frame(), null);
        long n = synthetic.frame().rowCount();
        Observations obs = new Observations();
        q.ksComplement().forEach((c, v) -> obs.measurement(Measurement.of("ks_complement", c, v, n)));
        q.tvComplement().forEach((c, v) -> obs.measurement(Measurement.of("tv_complement", c, v, n)));
        obs.measurement(Measurement.of("column_shapes", q.columnShapes(), n));
        obs.measurement(Measurement.of("correlation_similarity", q.meanCorrelationSimilarity(), n));
        obs.measurement(Measurement.of("contingency_similarity", q.meanContingencySimilarity(), n));
        obs.measurement(Measurement.of("column_pair_trends", q.columnPairTrends(), n));
        obs.measurement(Measurement.of("quality_score", q.overall(), n));
        obs.measurement(Measurement.of("new_row_synthesis", q.newRowSynthesis().score(), n));
        DistanceToClosestRecord dcr = q.dcr();
        obs.measurement(Measurement.of("dcr_median", dcr.medianSynthetic(), dcr.rowsCompared()));
        obs.measurement(Measurement.of("dcr_baseline_protection", dcr.baselineProtection(), dcr.rowsCompared()));
        obs.table(pairs(q));
        DistributionCharts.of(r, synthetic.frame()).forEach(obs::chart);
        obs.note(String.format(Locale.ROOT, "DCR over %d synthetic rows; median DCR %.4f against %.4f for uniformly random rows."
                + " DCROverfittingProtection needs a holdout of real rows and is measured by assay synth --holdout.",
                dcr.rowsCompared(), dcr.medianSynthetic(), dcr.medianRandom()));
        obs.summary(String.format(Locale.ROOT, "Quality %.3f (column shapes %.3f, pair trends %.3f); %.1f%% new rows;"
                + " DCR baseline protection %.3f.", q.overall(), q.columnShapes(), q.columnPairTrends(),
                100 * q.newRowSynthesis().score(), dcr.baselineProtection()));
        return obs;
    }

    private static EvidenceTable pairs(QualityReport q) {
        List<List<Object>> rows = new ArrayList<>();
        q.correlationSimilarity().forEach((k, v) -> rows.add(List.of(k, "correlation similarity", v)));
        q.contingencySimilarity().forEach((k, v) -> rows.add(List.of(k, "contingency similarity", v)));
        return new EvidenceTable("Column pairs", List.of("columns", "score", "value"), rows);
    }
}
