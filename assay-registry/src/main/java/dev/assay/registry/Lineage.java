package dev.assay.registry;

/**
 * Where a model version came from, as the user states it.
 *
 * @param trainingData a fingerprint of the training data ({@code sha256:...}); null when not given
 * @param parentVersion the version this one was derived from (fine-tuned, converted, retrained); null when none
 * @param codeRevision the revision of the training code, e.g. a git commit; null when not given
 */
public record Lineage(String trainingData, Integer parentVersion, String codeRevision) {
    /** No lineage given. */
    public static final Lineage NONE = new Lineage(null, null, null);
}
