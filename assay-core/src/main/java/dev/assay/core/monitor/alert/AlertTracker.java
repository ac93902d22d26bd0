package dev.assay.core.monitor.alert;

import dev.assay.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert lifecycle. An outcome whose streak reaches the rule's {@code for} makes its alert FIRING
 * (a new alert, or a resolved one firing again with a new start); a firing alert whose metric no longer
 * breaches becomes RESOLVED. Only these two transitions notify, and not while the alert is silenced.
 * Acknowledging marks a firing alert as seen (shown, not re-notified) until it resolves; a silence
 * suppresses notifications until its end and may be set before the alert first fires. Not thread-safe.
 */
public final class AlertTracker {
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, Instant> silences = new LinkedHashMap<>();

    /** A tracker that continues from saved alerts (say, after a restart), in the order given. */
    public static AlertTracker restore(List<Alert> saved) {
        AlertTracker t = new AlertTracker();
        saved.forEach(a -> t.alerts.put(a.fingerprint(), a));
        return t;
    }

    /**
     * Applies the outcomes of one closed window of {@code model} evaluated at {@code now}.
     *
     * @return the alerts to notify: those that started firing or resolved, unless silenced
     */
    public List<Alert> update(String model, String version, List<RuleOutcome> outcomes, Instant now) {
        List<Alert> notify = new ArrayList<>();
        for (RuleOutcome o : outcomes) {
            String fp = fingerprint(model, version, o.rule().name(), o.metric());
            Alert before = alerts.get(fp);
            boolean wasFiring = before != null && before.state() == Alert.State.FIRING;
            Alert after;
            if (o.firing() && !wasFiring) {
                after = new Alert(fp, model, version, o.rule().name(), o.metric(), o.rule().severity(), Alert.State.FIRING, now, null,
                        o.value(), false, silences.get(fp));
            } else if (!o.breached() && wasFiring) {
                after = before.with(Alert.State.RESOLVED, now, o.value(), false, before.silencedUntil());
            } else {
                if (before != null) {
                    alerts.put(fp, before.with(before.state(), before.endsAt(), o.value(), before.acknowledged(), before.silencedUntil()));
                }
                continue;
            }
            alerts.put(fp, after);
            if (!after.silencedAt(now)) {
                notify.add(after);
            }
        }
        return notify;
    }

    /** Marks the firing alert {@code fingerprint} as acknowledged. */
    public Alert acknowledge(String fingerprint) {
        Alert a = alerts.get(fingerprint);
        if (a == null || a.state() != Alert.State.FIRING) {
            throw new InvalidInputException("No firing alert has fingerprint " + fingerprint + "; list the alerts to find it.");
        }
        Alert acked = a.with(a.state(), a.endsAt(), a.value(), true, a.silencedUntil());
        alerts.put(fingerprint, acked);
        return acked;
    }

    /** Suppresses the notifications of alert {@code fingerprint} until {@code until} (it may not exist yet). */
    public void silence(String fingerprint, Instant until) {
        silences.put(fingerprint, until);
        Alert a = alerts.get(fingerprint);
        if (a != null) {
            alerts.put(fingerprint, a.with(a.state(), a.endsAt(), a.value(), a.acknowledged(), until));
        }
    }

    /** Every alert seen, firing and resolved, in the order they first fired. */
    public List<Alert> alerts() {
        return List.copyOf(alerts.values());
    }

    /** The alerts firing now. */
    public List<Alert> firing() {
        return alerts.values().stream().filter(a -> a.state() == Alert.State.FIRING).toList();
    }

    /** The fingerprint of (model, version, rule, metric): the first 16 hex digits of their SHA-256. */
    public static String fingerprint(String model, String version, String rule, String metric) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", model, version, rule, metric)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
