package dev.assay.core.fairness.counterfactual;

/**
 * The rows of one protected group ({@code attribute = from}) predicted again as {@code to}, every
 * other value kept.
 *
 * @param attribute the protected column
 * @param from the rows' own value
 * @param to the value they were given
 * @param counts what changed
 */
public record FlipPair(String attribute, String from, String to, FlipCounts counts) {

    /** The member key conditions use: {@code sex=Male->Female}. */
    public String key() {
        return attribute + "=" + from + "->" + to;
    }
}
