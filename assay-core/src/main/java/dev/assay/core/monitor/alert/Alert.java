package dev.assay.core.monitor.alert;

import java.time.Instant;

/**
 * The state of one alert: a rule firing on one metric of one model version.
 *
 * @param fingerprint a stable id of (model, version, rule, metric): 16 hex digits
 * @param model the model
 * @param version the model version
 * @param rule the rule's name
 * @param metric the metric id
 * @param severity the rule's severity
 * @param state firing or resolved
 * @param startsAt when it started firing
 * @param endsAt when it resolved; null while firing
 * @param value the last value compared
 * @param acknowledged whether someone acknowledged it (cleared when it resolves)
 * @param silencedUntil notifications are suppressed before this instant; null when not silenced
 */
public record Alert(String fingerprint, String model, String version, String rule, String metric, String severity, State state,
        Instant startsAt, Instant endsAt, double value, boolean acknowledged, Instant silencedUntil) {

    /** Whether the alert is firing or resolved. */
    public enum State {
        FIRING,
        RESOLVED
    }

    /** Whether notifications are suppressed at {@code now}. */
    public boolean silencedAt(Instant now) {
        return silencedUntil != null && now.isBefore(silencedUntil);
    }

    Alert with(State s, Instant ends, double v, boolean ack, Instant silence) {
        return new Alert(fingerprint, model, version, rule, metric, severity, s, startsAt, ends, v, ack, silence);
    }
}
