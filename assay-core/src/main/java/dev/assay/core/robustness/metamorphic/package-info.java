/**
 * Metamorphic tests in the CheckList sense (Ribeiro et al., 2020): invariance (INV), directional expectations
 * (DIR) and minimum functionality cases (MFT), each a fail rate with a Wilson interval and the failing rows.
 */
package dev.assay.core.robustness.metamorphic;
