/**
 * Evasion attacks on any binary classifier through its scores: FGSM and PGD with finite-difference gradients and
 * the black-box SimBA, on the numeric columns a {@code PerturbationTarget} allows, with clean and robust accuracy,
 * success rate, minimal perturbation and model calls.
 */
package dev.assay.core.robustness.attack;
