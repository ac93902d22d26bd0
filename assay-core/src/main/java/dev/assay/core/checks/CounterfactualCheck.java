package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import dev.assay.core.fairness.counterfactual.CounterfactualFlipTest;
import dev.assay.core.fairness.counterfactual.CounterfactualPlan;
import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.fairness.counterfactual.FlipPair;
import dev.assay.core.fairness.counterfactual.FlipResult;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the {@link CounterfactualFlipTest} on the current data with the suite's model and reports the
 * flip rate (with a 95% Wilson interval) and the score changes overall, per attribute (when several)
 * and per pair of groups, with a table of every pair. Built by {@link CounterfactualCheckKind}.
 */
final class CounterfactualCheck extends MeasuringCheck {
    static final String KIND = "counterfactual";
    private static final double LEVEL = 0.95;
    private static final List<String> NAMES = List.of("flip_rate", "mean_abs_score_change", "max_score_change", "mean_score_change");

    private final CounterfactualPlan plan;
    private final Function<String, InvalidInputException> attributeError;

    CounterfactualCheck(CheckSetup setup, CounterfactualPlan plan, Function<String, InvalidInputException> attributeError) {
        super(setup, KIND, NAMES, Requirements.NONE.withModel());
        this.plan = plan;
        this.attributeError = attributeError;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("attributes", String.join(", ", plan.attributes()));
        out.put("values", plan.values().isEmpty() ? "every value that occurs" : String.join(", ", plan.values()));
        out.put("max_rows", Integer.toString(plan.maxRows()));
        out.put("positive_class", plan.positiveClass() == null ? "default rule" : plan.positiveClass());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        String labelName = data.schema().label();
        Column label = labelName == null ? null : data.frame().column(labelName, "label");
        FlipResult result;
        try {
            result = CounterfactualFlipTest.run(context.model().orElseThrow(), data.frame(), label, plan);
        } catch (UnknownColumnException e) {
            throw attributeError.apply(e.getMessage());
        }
        Observations obs = new Observations();
        measure(obs, null, result.overall());
        if (result.byAttribute().size() > 1) {
            result.byAttribute().forEach((attribute, counts) -> measure(obs, attribute, counts));
        }
        for (FlipPair p : result.pairs()) {
            measure(obs, p.key(), p.counts());
        }
        obs.table(table(result));
        result.notes().forEach(obs::note);
        obs.note("A flip is a row whose predicted class changes when only its protected attribute is changed; score changes are "
                + "new − original probability of the positive class"
                + (result.positiveClass() == null ? "" : " '" + result.positiveClass() + "'") + ". Flip rates have 95% Wilson "
                + "intervals.");
        FlipCounts all = result.overall();
        obs.summary(String.format(Locale.ROOT, "%d of %d flipped predictions changed class (flip rate %.4f) on %d rows",
                all.flips(), all.rows(), all.flipRate(), result.rowsUsed())
                + (Double.isNaN(all.maxAbsChangeOrNaN()) ? "" : String.format(Locale.ROOT, "; largest score change %.4f",
                        all.maxAbsChangeOrNaN())));
        return obs;
    }

    private static void measure(Observations obs, String key, FlipCounts c) {
        IntervalEstimate ci = c.flipRateInterval(LEVEL);
        String empty = c.rows() == 0 ? "no rows of this group to flip" : null;
        obs.measurement(new Measurement("flip_rate", key, c.flipRate(), ci.interval(), null, c.rows(),
                empty == null ? ci.undefinedReason() : empty, List.of()));
        String noScore = empty != null ? empty : c.scored() == 0 ? "the model gives no score of a positive class" : null;
        obs.measurement(new Measurement("mean_abs_score_change", key, c.meanAbsChange(), null, null, c.scored(), noScore, List.of()));
        obs.measurement(new Measurement("max_score_change", key, c.maxAbsChangeOrNaN(), null, null, c.scored(), noScore, List.of()));
        obs.measurement(new Measurement("mean_score_change", key, c.meanChange(), null, null, c.scored(), noScore, List.of()));
    }

    private static EvidenceTable table(FlipResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (FlipPair p : result.pairs()) {
            FlipCounts c = p.counts();
            IntervalEstimate ci = c.flipRateInterval(LEVEL);
            rows.add(java.util.Arrays.asList(p.attribute(), p.from(), p.to(), c.rows(), c.flips(), number(c.flipRate()),
                    ci.defined() ? ci.interval().lower() : null, ci.defined() ? ci.interval().upper() : null,
                    number(c.meanAbsChange()), number(c.maxAbsChangeOrNaN()), number(c.meanChange())));
        }
        return new EvidenceTable("Predictions again with the protected attribute changed (from: the row's own value; to: the "
                + "value set)", List.of("attribute", "from", "to", "rows", "flips", "flip_rate", "lower", "upper",
                        "mean_abs_score_change", "max_score_change", "mean_score_change"), rows);
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
