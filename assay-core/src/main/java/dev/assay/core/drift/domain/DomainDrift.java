package dev.assay.core.drift.domain;

import dev.assay.core.compare.AucInterval;
import java.util.List;
import java.util.Map;

/**
 * The result of a domain classifier: how well reference and current rows can be told apart.
 *
 * @param auc the cross-validated ROC AUC (current = positive) with DeLong's interval; 0.5 means the
 *     two data sets cannot be told apart
 * @param features the features, the one that separates most first
 * @param problems columns left out, with the reason
 * @param settings the settings used
 * @param referenceRows reference rows used
 * @param currentRows current rows used
 */
public record DomainDrift(AucInterval auc, List<FeatureSeparation> features, Map<String, String> problems,
        DomainSettings settings, int referenceRows, int currentRows) {
    public DomainDrift {
        features = List.copyOf(features);
        problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    /**
     * How much one feature separates the two data sets.
     *
     * @param column the feature
     * @param importance the mean drop of the held-out AUC when the feature's values are permuted
     *     among the held-out rows (permutation importance, Breiman 2001), averaged over the folds
     * @param univariateAuc the held-out AUC of the feature's own contribution to the model alone,
     *     folded to at least 0.5 (0.5: it does not separate)
     */
    public record FeatureSeparation(String column, double importance, double univariateAuc) {
    }
}
