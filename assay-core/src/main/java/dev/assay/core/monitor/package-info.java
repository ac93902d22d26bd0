/**
 * The monitoring engine: tumbling time windows ({@link dev.assay.core.monitor.WindowSpec}), a mergeable
 * per-(model version, window) aggregate of sketches ({@link dev.assay.core.monitor.WindowAggregate}) with
 * its byte form, drift of every feature and of the prediction against a reference aggregate
 * ({@link dev.assay.core.monitor.WindowDrift}), and label-free performance estimation
 * ({@link dev.assay.core.monitor.Cbpe}). Pure library code: storage and HTTP belong to the service.
 */
package dev.assay.core.monitor;
