package dev.assay.server;

import dev.assay.core.monitor.alert.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert as the API, the dashboard and {@code /metrics} show it: the stored alert, its acknowledgement and
 * the silences covering it now. Its {@link #status()} is {@code resolved}, else {@code silenced},
 * {@code acknowledged} or {@code firing}, in that order.
 */
record AlertView(AlertStore.Stored stored, List<String> silencedBy) {

    /** The views of {@code alerts} at {@code now}. */
    static List<AlertView> of(List<AlertStore.Stored> alerts, List<Silences.Silence> silences, Instant now) {
        return alerts.stream().map(s -> new AlertView(s, Silences.covering(silences, s.alert(), now))).toList();
    }

    Alert alert() {
        return stored.alert();
    }

    boolean firing() {
        return alert().state() == Alert.State.FIRING;
    }

    String status() {
        if (!firing()) {
            return "resolved";
        }
        return !silencedBy.isEmpty() ? "silenced" : stored.ackBy() != null ? "acknowledged" : "firing";
    }

    /** The JSON form: labels, state, times, fingerprint, silences and acknowledgement. */
    Map<String, Object> toJson() {
        Alert a = alert();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", a.fingerprint());
        m.put("alertname", a.rule());
        m.put("model", a.model());
        m.put("version", a.version());
        m.put("metric", a.metric());
        m.put("severity", a.severity());
        m.put("state", a.state().name().toLowerCase(Locale.ROOT));
        m.put("status", status());
        m.put("value", Double.isFinite(a.value()) ? a.value() : null);
        m.put("startsAt", a.startsAt().toString());
        m.put("endsAt", a.endsAt() == null ? null : a.endsAt().toString());
        m.put("silenced", !silencedBy.isEmpty());
        m.put("silencedBy", silencedBy);
        if (stored.ackBy() == null) {
            m.put("acknowledged", null);
        } else {
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("by", stored.ackBy());
            ack.put("at", stored.ackAt().toString());
            ack.put("comment", stored.ackComment());
            m.put("acknowledged", ack);
        }
        return m;
    }
}
