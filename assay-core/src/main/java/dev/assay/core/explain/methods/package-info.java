/**
 * Choosing and running an explanation method by name ({@link dev.assay.core.explain.methods.ExplainMethod}):
 * KernelSHAP, exact Shapley values, TreeSHAP, LIME or permutation importance, with a seeded background, progress
 * and counted model calls ({@link dev.assay.core.explain.methods.Explainers}). Used by {@code assay explain} and the
 * {@code explanation} check.
 */
package dev.assay.core.explain.methods;
