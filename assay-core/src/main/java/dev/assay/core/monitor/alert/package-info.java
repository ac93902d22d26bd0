/**
 * Alerting on closed windows: rules ({@link dev.assay.core.monitor.alert.AlertRule}, read from YAML-shaped
 * maps by {@link dev.assay.core.monitor.alert.AlertRules}), their evaluation with the multiple-comparison
 * policy ({@link dev.assay.core.monitor.alert.AlertEvaluator}), the alert lifecycle with silences and
 * acknowledgements ({@link dev.assay.core.monitor.alert.AlertTracker}) and the Alertmanager webhook body
 * ({@link dev.assay.core.monitor.alert.AlertmanagerPayload}).
 */
package dev.assay.core.monitor.alert;
