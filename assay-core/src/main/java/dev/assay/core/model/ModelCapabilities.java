package dev.assay.core.model;

/**
 * What a model can do, so that checks can pick a method or say why they were skipped.
 *
 * @param probabilities whether it returns class probabilities (classifiers)
 * @param gradients whether it can return input gradients (for gradient-based attacks)
 * @param threadSafe whether {@link Model#predict} may be called from several threads at once
 * @param preferredBatchSize the number of rows it handles best in one call; at least 1
 */
public record ModelCapabilities(boolean probabilities, boolean gradients, boolean threadSafe, int preferredBatchSize) {

    public ModelCapabilities {
        if (preferredBatchSize < 1) {
            throw new IllegalArgumentException("preferredBatchSize must be at least 1, got " + preferredBatchSize);
        }
    }
}
