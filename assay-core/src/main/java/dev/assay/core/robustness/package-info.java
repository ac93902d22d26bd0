/**
 * Robustness: seeded, constraint-aware perturbations of tabular, text and image data (images: one numeric column per
 * pixel and channel, laid out as {@link dev.assay.core.robustness.ImageShape} says, changed by {@link
 * dev.assay.core.robustness.ImageTransform}s)
 * ({@link dev.assay.core.robustness.Perturbation}, made by name in
 * {@link dev.assay.core.robustness.PerturbationCatalog}) and their measured effect on a model
 * ({@link dev.assay.core.robustness.PerturbationEvaluation}): metric drop with a paired bootstrap interval,
 * prediction flip rate with a Wilson interval, score changes and example rows before and after.
 */
package dev.assay.core.robustness;
