package dev.assay.core.synth;

import java.util.Map;

/**
 * Which marginal a numeric column got and why: every candidate's one-sample KS statistic and p-value
 * against the column's values, the candidates that could not be fitted with the reason, and the rule that
 * decided ({@link MarginalSelection}).
 */
public record MarginalChoice(String column, Marginal marginal, Map<String, Double> ksStatistic, Map<String, Double> ksPValue,
        Map<String, String> notFitted, String reason) {

    public MarginalChoice {
        ksStatistic = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ksStatistic));
        ksPValue = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ksPValue));
        notFitted = Map.copyOf(notFitted);
    }

    /** The chosen family id. */
    public String family() {
        return marginal.family();
    }
}
