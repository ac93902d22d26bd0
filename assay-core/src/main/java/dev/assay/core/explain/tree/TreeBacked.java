package dev.assay.core.explain.tree;

import java.util.Optional;

/** A model that can give its trees, so that TreeSHAP can explain it exactly and fast. */
public interface TreeBacked {

    /** The model as a tree ensemble, or empty when it is not one. */
    Optional<TreeEnsemble> trees();
}
