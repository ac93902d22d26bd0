package dev.assay.core.explain.methods;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.ExactShapley;
import dev.assay.core.explain.KernelShap;
import dev.assay.core.explain.PermutationImportance;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ways Assay explains a model, by the id users type ({@code --method}, a check's {@code method}).
 * {@link Explainers} runs them; a method whose implementation is not part of this build is rejected there
 * with a message saying so.
 */
public enum ExplainMethod {
    /** KernelSHAP ({@link KernelShap}): exact up to 12 varying features, sampled beyond, with errors. */
    KERNEL_SHAP("kernel_shap", true),
    /** TreeSHAP for tree ensembles. */
    TREE_SHAP("tree_shap", true),
    /** Exact Shapley values by enumeration ({@link ExactShapley}), up to 16 features. */
    EXACT("exact", true),
    /** LIME: local linear surrogates (not additive in the Shapley sense). */
    LIME("lime", false),
    /** Permutation importance ({@link PermutationImportance}): global only, no per-row values. */
    PERMUTATION("permutation", false);

    private final String id;
    private final boolean additive;

    ExplainMethod(String id, boolean additive) {
        this.id = id;
        this.additive = additive;
    }

    /** The id, e.g. {@code kernel_shap}. */
    public String id() {
        return id;
    }

    /** Whether base value plus a row's values equals its output (Shapley methods). */
    public boolean additive() {
        return additive;
    }

    /** Whether the method explains single rows (every method but permutation importance). */
    public boolean perRow() {
        return this != PERMUTATION;
    }

    /**
     * The method with id {@code value}.
     *
     * @param where the option or key named in the error, e.g. {@code --method}
     * @throws InvalidInputException naming the value and the ids allowed
     */
    public static ExplainMethod parse(String value, String where) {
        for (ExplainMethod m : values()) {
            if (m.id.equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("Unknown explanation method '" + value + "' for " + where + "; choose one of "
                + ids() + ".");
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ExplainMethod::id).toList();
    }
}
