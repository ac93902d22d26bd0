/**
 * Edge cases: boundary inputs made from a data set's schema and ranges, and what a model does with them (throws,
 * returns non-finite outputs or probabilities out of range).
 */
package dev.assay.core.robustness.edge;
