/**
 * TreeSHAP: exact Shapley values of tree ensembles in polynomial time ({@link TreeShap}), path-dependent and
 * interventional, on a model-independent {@link TreeEnsemble} that models give through {@link TreeBacked}.
 * Definitions and references are in docs/explain.md.
 */
package dev.assay.core.explain.tree;
