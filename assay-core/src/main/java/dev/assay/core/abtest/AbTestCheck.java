package dev.assay.core.abtest;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ab_test} check: measures, per metric {@code m}, {@code difference[m]} (treatment −
 * control, with its interval), {@code relative_lift[m]} (delta-method interval), {@code p_value[m]},
 * {@code holm_p_value[m]}, {@code fdr_bh_p_value[m]}, and where asked {@code mann_whitney_p_value[m]},
 * {@code cuped_difference[m]} (with interval), {@code cuped_p_value[m]}, {@code variance_reduction[m]}
 * and {@code sequential_p_value[m]} (after the last look); for the experiment {@code srm_p_value} and
 * {@code guardrails_worsened}.
 */
final class AbTestCheck extends MeasuringCheck {
    static final String KIND = "ab_test";
    static final List<String> MEASURES = List.of("difference", "relative_lift", "p_value", "holm_p_value", "fdr_bh_p_value",
            "mann_whitney_p_value", "cuped_difference", "cuped_p_value", "variance_reduction", "sequential_p_value",
            "srm_p_value", "guardrails_worsened");

    private final AbTestData.Columns columns;
    private final AbTestSettings settings;

    AbTestCheck(CheckSetup setup, AbTestData.Columns columns, AbTestSettings settings) {
        super(setup, KIND, MEASURES, Requirements.NONE);
        this.columns = columns;
        this.settings = settings;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("variant", columns.variant());
        out.put("control", columns.control());
        out.put("metrics", String.join(",", columns.metrics()));
        if (columns.covariate() != null) {
            out.put("covariate", columns.covariate());
        }
        if (columns.look() != null) {
            out.put("look", columns.look());
            out.put("tau_squared", Double.toString(settings.standardisedTauSquared()));
        }
        out.put("alpha", Double.toString(settings.alpha()));
        out.put("expected_split", settings.expectedSplit().toString());
        if (!settings.guardrails().isEmpty()) {
            out.put("guardrails", String.join(",", settings.guardrails()));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        return AbTestObservations.of(AbTestAnalysis.run(AbTestData.from(context.current().frame(), columns), settings));
    }
}
