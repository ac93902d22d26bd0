/**
 * Robustness: seeded, constraint-aware perturbations of tabular and text data
 * ({@link dev.assay.core.robustness.Perturbation}, made by name in
 * {@link dev.assay.core.robustness.PerturbationCatalog}) and their measured effect on a model
 * ({@link dev.assay.core.robustness.PerturbationEvaluation}): metric drop with a paired bootstrap interval,
 * prediction flip rate with a Wilson interval, score changes and example rows before and after.
 */
package dev.assay.core.robustness;
