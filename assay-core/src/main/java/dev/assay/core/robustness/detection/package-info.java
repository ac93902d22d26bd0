/** Detecting adversarial examples by the instability of their predictions under small random noise. */
package dev.assay.core.robustness.detection;
