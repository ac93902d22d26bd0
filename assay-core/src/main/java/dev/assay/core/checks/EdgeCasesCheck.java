package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.model.Model;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.robustness.edge.EdgeCaseRun;
import dev.assay.core.robustness.edge.EdgeCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Predicts {@link EdgeCases} of the current data with the suite's model. Built by {@link EdgeCasesCheckKind}. */
final class EdgeCasesCheck extends MeasuringCheck {
    static final String KIND = "edge_cases";
    private static final int DETAIL = 300;

    private final List<String> columns;
    private final int batch;

    EdgeCasesCheck(CheckSetup setup, List<String> columns, int batch) {
        super(setup, KIND, List.of("crashes", "non_finite", "out_of_range", "cases"), Requirements.NONE.withModel());
        this.columns = columns;
        this.batch = batch;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("batch", Integer.toString(batch));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = context.model().orElseThrow();
        Frame data = context.current().frame();
        List<String> inputs = columns.isEmpty() ? ModelInputs.of(model, data, context.current().schema().label()) : columns;
        EdgeCases cases = EdgeCases.of(data, inputs);
        EdgeCaseRun run = EdgeCaseRun.of(model, cases.rows(), batch);
        int n = cases.rows().rowCount();
        Observations obs = new Observations();
        obs.measurement(Measurement.of("crashes", run.count(EdgeCaseRun.Kind.CRASH), n));
        obs.measurement(Measurement.of("non_finite", run.count(EdgeCaseRun.Kind.NON_FINITE), n));
        obs.measurement(Measurement.of("out_of_range", run.count(EdgeCaseRun.Kind.OUT_OF_RANGE), n));
        obs.measurement(Measurement.of("cases", n, n));
        List<List<Object>> rows = new ArrayList<>();
        for (EdgeCaseRun.Finding f : run.findings()) {
            rows.add(Arrays.asList(cases.descriptions().get(f.row()), f.kind().name().toLowerCase(Locale.ROOT), detail(f.detail()),
                    values(cases.rows(), f.row(), inputs)));
        }
        obs.table(new EvidenceTable("Findings on edge cases", List.of("case", "finding", "detail", "input row"), rows));
        obs.note("Each case is a typical row (medians, most frequent levels) with one input at a boundary, plus a row with "
                + "every input missing. A crash is the model throwing on the row alone; " + run.calls() + " model calls.");
        obs.summary(String.format(Locale.ROOT, "%d edge cases: %d crashes, %d non-finite outputs, %d out-of-range probabilities",
                n, run.count(EdgeCaseRun.Kind.CRASH), run.count(EdgeCaseRun.Kind.NON_FINITE),
                run.count(EdgeCaseRun.Kind.OUT_OF_RANGE)));
        return obs;
    }

    /** The finding's detail, cut to {@value #DETAIL} characters (a crash message can be long). */
    private static String detail(String text) {
        return text.length() <= DETAIL ? text : text.substring(0, DETAIL) + "…";
    }

    private static String values(Frame rows, int row, List<String> inputs) {
        List<String> parts = new ArrayList<>();
        for (String name : inputs) {
            Column c = rows.column(name);
            parts.add(name + "=" + (c.isMissing(row) ? "(missing)" : Excerpt.of(c.format(row))));
        }
        return String.join(", ", parts);
    }
}
