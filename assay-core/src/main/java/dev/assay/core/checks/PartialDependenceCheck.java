package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.pdp.GridAxis;
import dev.assay.core.explain.pdp.PartialDependence;
import dev.assay.core.explain.pdp.PartialDependences;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.Model;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Partial dependence and ICE of the suite model's output (a regressor's value or a class probability) on
 * columns of the current data, as scikit-learn's {@code partial_dependence(method='brute')}: measures
 * {@code pd_range[col]} = max - min of the curve and, for a column declared increasing (decreasing),
 * {@code monotonicity_violation[col]} = the largest fall (rise) of the curve, max over i &lt; j of
 * pd_i - pd_j (pd_j - pd_i); draws each curve with a sample of ICE curves and a heatmap for a pair.
 * Built by {@link PartialDependenceCheckKind}.
 */
final class PartialDependenceCheck extends MeasuringCheck {
    static final String KIND = "partial_dependence";
    static final Requirements REQUIREMENTS = new Requirements(true, false, false, Set.of());
    private static final int MAX_ROWS_PER_CALL = 100_000;

    /** What the check computes; see {@link PartialDependenceCheckKind#keys()}. */
    record Plan(List<String> columns, Set<String> increasing, Set<String> decreasing, List<String> pair, String positiveClass,
            int grid, boolean centred, int iceLines, int maxRows) {
    }

    private final Plan plan;

    PartialDependenceCheck(CheckSetup setup, Plan plan) {
        super(setup, KIND, List.of("pd_range", "monotonicity_violation"), REQUIREMENTS);
        this.plan = plan;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("columns", String.join(", ", plan.columns()));
        if (!plan.pair().isEmpty()) {
            out.put("pair", String.join(", ", plan.pair()));
        }
        out.put("grid_resolution", Integer.toString(plan.grid()));
        out.put("percentiles", "5..95");
        out.put("centred", Boolean.toString(plan.centred()));
        out.put("max_rows", Integer.toString(plan.maxRows()));
        out.put("seed", Long.toString(setup().seed()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = context.model().orElseThrow();
        Frame all = context.current().frame();
        Frame rows = all.rowCount() <= plan.maxRows() ? all
                : all.slice(RowSample.indices(all.rowCount(), plan.maxRows(), setup().seed()));
        String positive = plan.positiveClass() != null ? plan.positiveClass() : setup().evaluation().positiveClass();
        ModelOutput output = ModelOutput.of(model, positive);
        String what = model.info().task() == Task.REGRESSION ? "prediction"
                : "P(" + (positive != null ? positive : "last class") + ")";
        Observations obs = new Observations();
        long n = rows.rowCount();
        if (n < all.rowCount()) {
            obs.note("Averaged over a random sample of " + n + " of the " + all.rowCount() + " rows (seed " + setup().seed()
                    + "); raise max_rows to use more.");
        }
        List<String> parts = new ArrayList<>();
        for (String column : plan.columns()) {
            GridAxis axis = GridAxis.of(rows, column, plan.grid(), 0.05, 0.95);
            boolean monotone = plan.increasing().contains(column) || plan.decreasing().contains(column);
            if (monotone && axis.categorical()) {
                throw new InvalidInputException("Column '" + column + "' is categorical; its levels have no order, so it cannot be "
                        + "declared increasing or decreasing. Leave it in 'columns' only.");
            }
            PartialDependence pd = PartialDependences.compute(output, rows, List.of(axis), MAX_ROWS_PER_CALL);
            obs.measurement(Measurement.of("pd_range", column, pd.range(), n));
            String part = String.format(Locale.ROOT, "%s: range %.4f", column, pd.range());
            if (monotone) {
                boolean up = plan.increasing().contains(column);
                double violation = up ? pd.largestDecrease() : pd.largestIncrease();
                obs.measurement(Measurement.of("monotonicity_violation", column, violation, n));
                part += String.format(Locale.ROOT, ", largest %s %.4f", up ? "fall" : "rise", violation);
            }
            parts.add(part);
            obs.chart(PartialDependenceCharts.curve(plan.centred() ? pd.centred() : pd, what, plan.iceLines(), plan.centred(),
                    setup().seed()));
        }
        if (!plan.pair().isEmpty()) {
            List<GridAxis> axes = new ArrayList<>();
            for (String column : plan.pair()) {
                axes.add(GridAxis.of(rows, column, Math.min(plan.grid(), PartialDependenceCharts.PAIR_GRID), 0.05, 0.95));
            }
            PartialDependence pd = PartialDependences.compute(output, rows, axes, MAX_ROWS_PER_CALL);
            obs.chart(PartialDependenceCharts.heatmap(pd, what));
            parts.add(String.format(Locale.ROOT, "%s × %s: range %.4f", plan.pair().get(0), plan.pair().get(1), pd.range()));
        }
        obs.note("Partial dependence (Friedman 2001) of the model's " + what + ": the mean over the rows of the output with the "
                + "column set to each grid point (scikit-learn's partial_dependence, method 'brute'); numeric grids run over "
                + plan.grid() + " points between the 5th and 95th percentiles, or the distinct values when fewer.");
        obs.summary(String.join("; ", parts));
        return obs;
    }
}
