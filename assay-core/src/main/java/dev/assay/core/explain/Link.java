package dev.assay.core.explain;

/**
 * The scale on which a model's output is explained: as it is ({@code identity}) or as log-odds
 * ({@code logit}, log(p / (1 - p)), for probabilities), as the shap library's links.
 */
public enum Link {
    IDENTITY, LOGIT;

    /** {@code value} on this link's scale. */
    public double apply(double value) {
        return this == IDENTITY ? value : Math.log(value / (1 - value));
    }
}
