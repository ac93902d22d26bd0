package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Requirements;
import dev.assay.core.check.Observations;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import dev.assay.core.fairness.exposure.ExposurePlan;
import dev.assay.core.fairness.exposure.ExposureResult;
import dev.assay.core.fairness.exposure.GroupExposure;
import dev.assay.core.fairness.exposure.RankingExposure;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures {@link RankingExposure} on the current data: the ratios over groups and every group's
 * exposure, relevance and top-k share as members such as {@code top_k_ratio[sex=Female]}, with a table of
 * the groups. Built by {@link ExposureCheckKind}.
 */
final class ExposureCheck extends MeasuringCheck {
    static final String KIND = "exposure";

    private final ExposurePlan plan;
    private final Function<String, InvalidInputException> columnError;

    ExposureCheck(CheckSetup setup, ExposurePlan plan, Function<String, InvalidInputException> columnError) {
        super(setup, KIND, List.of("exposure_ratio", "disparate_treatment_ratio", "exposure", "relevance",
                "exposure_per_relevance", "share", "top_k_share", "top_k_ratio"), Requirements.NONE);
        this.plan = plan;
        this.columnError = columnError;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("group", plan.group());
        out.put(plan.rank() != null ? "rank" : "score", plan.rank() != null ? plan.rank() : plan.score() == null ? "the score column" : plan.score());
        out.put("query", plan.query() == null ? "none (one ranking)" : plan.query());
        out.put("relevance", plan.relevance() == null ? "none" : plan.relevance());
        out.put("k", Integer.toString(plan.k()));
        return out;
    }

    /** The score column, or the probability column of the positive class; null when there is neither. */
    private String scoreColumn(Schema schema) {
        if (schema.score() != null) {
            return schema.score();
        }
        String positive = setup().evaluation().positiveClass();
        return positive == null ? null : schema.classProbabilities().get(positive);
    }

    @Override
    protected Observations measure(CheckContext context) {
        ExposureResult r;
        ExposurePlan used = plan.orScore(scoreColumn(context.current().schema()));
        try {
            r = RankingExposure.of(context.current().frame(), used);
        } catch (UnknownColumnException e) {
            throw columnError.apply(e.getMessage());
        }
        Observations obs = new Observations();
        boolean withRelevance = plan.relevance() != null;
        obs.measurement(new Measurement("exposure_ratio", r.exposureRatio(), null, null, r.rows(), null, List.of()));
        if (withRelevance) {
            double dtr = r.disparateTreatmentRatio();
            obs.measurement(new Measurement("disparate_treatment_ratio", dtr, null, null, r.rows(),
                    Double.isNaN(dtr) ? "a group has no relevant rows (mean relevance 0), so its exposure per relevance is undefined"
                            : null, List.of()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (GroupExposure g : r.groups()) {
            String key = plan.group() + "=" + g.group();
            obs.measurement(Measurement.of("exposure", key, g.exposure(), g.rows()));
            if (withRelevance) {
                obs.measurement(Measurement.of("relevance", key, g.relevance(), g.rows()));
                obs.measurement(new Measurement("exposure_per_relevance", key, g.exposurePerRelevance(), null, null, g.rows(),
                        g.relevance() > 0 ? null : "the group has no relevant rows (mean relevance 0)", List.of()));
            }
            obs.measurement(Measurement.of("share", key, g.share(), g.rows()));
            obs.measurement(Measurement.of("top_k_share", key, g.topKShare(), g.topK()));
            obs.measurement(Measurement.of("top_k_ratio", key, g.topKRatio(), g.topK()));
            rows.add(Arrays.asList(g.group(), g.rows(), g.share(), g.exposure(), withRelevance ? g.relevance() : null,
                    withRelevance && g.relevance() > 0 ? g.exposurePerRelevance() : null, g.topK(), g.topKShare(), g.topKRatio()));
        }
        obs.table(new EvidenceTable("Exposure by " + plan.group() + " (position weight 1/log2(1 + position); top " + plan.k()
                + " of each ranking)", List.of(plan.group(), "rows", "share", "exposure", "relevance", "exposure_per_relevance",
                        "top_k", "top_k_share", "top_k_ratio"), rows));
        obs.note(r.queries() + (r.queries() == 1 ? " ranking" : " rankings") + " of " + r.rows() + " rows, ordered by "
                + (used.score() != null ? "descending " + used.score() : "ascending " + used.rank()) + " (ties in row order); "
                + r.topKPlaces() + " top-" + plan.k() + " places.");
        obs.summary(String.format(Locale.ROOT, "exposure ratio %.4f over %d groups", r.exposureRatio(), r.groups().size())
                + (withRelevance ? String.format(Locale.ROOT, "; disparate treatment ratio %.4f", r.disparateTreatmentRatio()) : ""));
        return obs;
    }
}
