/**
 * Explanations of a model's outputs: permutation importance ({@link PermutationImportance}), exact
 * Shapley values by enumeration ({@link ExactShapley}) and KernelSHAP ({@link KernelShap}), all over
 * an interventional {@link Background}. Definitions and references are in docs/explain.md.
 */
package dev.assay.core.explain;
