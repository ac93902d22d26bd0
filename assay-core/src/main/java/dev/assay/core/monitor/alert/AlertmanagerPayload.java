package dev.assay.core.monitor.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of an Alertmanager webhook (payload version 4), so that receivers written for Alertmanager
 * take Assay's notifications unchanged: {@code version}, {@code groupKey}, {@code truncatedAlerts},
 * {@code status} ({@code firing} if any alert fires, else {@code resolved}), {@code receiver},
 * {@code groupLabels}, {@code commonLabels}, {@code commonAnnotations}, {@code externalURL} and
 * {@code alerts}, each with {@code status}, {@code labels} ({@code alertname}, {@code model},
 * {@code version}, {@code metric}, {@code severity}), {@code annotations} ({@code summary}),
 * {@code startsAt}, {@code endsAt} (RFC 3339; {@code 0001-01-01T00:00:00Z} while firing),
 * {@code generatorURL} and {@code fingerprint}.
 */
public final class AlertmanagerPayload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertmanagerPayload() {
    }

    /**
     * @param receiver the receiver's name
     * @param groupBy the label names the notification groups by (e.g. {@code alertname}, {@code model})
     * @param externalUrl the monitor's base URL, for links
     */
    public static Map<String, Object> build(String receiver, List<String> groupBy, String externalUrl, List<Alert> alerts) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, String>> labelSets = new ArrayList<>();
        List<Map<String, String>> annotationSets = new ArrayList<>();
        for (Alert a : alerts) {
            Map<String, String> labels = labels(a);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put("summary", String.format(Locale.ROOT, "%s: %s = %.6g for model %s version %s", a.rule(), a.metric(), a.value(),
                    a.model(), a.version()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", a.state() == Alert.State.FIRING ? "firing" : "resolved");
            item.put("labels", labels);
            item.put("annotations", annotations);
            item.put("startsAt", time(a.startsAt()));
            item.put("endsAt", a.endsAt() == null ? ZERO_TIME : time(a.endsAt()));
            item.put("generatorURL", externalUrl + "/models/" + a.model());
            item.put("fingerprint", a.fingerprint());
            items.add(item);
            labelSets.add(labels);
            annotationSets.add(annotations);
        }
        Map<String, String> common = common(labelSets);
        Map<String, String> group = new LinkedHashMap<>();
        for (String g : groupBy) {
            if (common.containsKey(g)) {
                group.put(g, common.get(g));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", "4");
        out.put("groupKey", "{}:" + groupKey(group));
        out.put("truncatedAlerts", 0);
        out.put("status", alerts.stream().anyMatch(a -> a.state() == Alert.State.FIRING) ? "firing" : "resolved");
        out.put("receiver", receiver);
        out.put("groupLabels", group);
        out.put("commonLabels", common);
        out.put("commonAnnotations", common(annotationSets));
        out.put("externalURL", externalUrl);
        out.put("alerts", items);
        return out;
    }

    /** The payload as JSON text. */
    public static String toJson(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> labels(Alert a) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", a.rule());
        labels.put("model", a.model());
        labels.put("version", a.version());
        labels.put("metric", a.metric());
        labels.put("severity", a.severity());
        return labels;
    }

    /** The entries every map shares. */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        Map<String, String> out = new LinkedHashMap<>();
        if (maps.isEmpty()) {
            return out;
        }
        maps.get(0).forEach((k, v) -> {
            if (maps.stream().allMatch(m -> v.equals(m.get(k)))) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String groupKey(Map<String, String> group) {
        List<String> parts = new ArrayList<>();
        group.forEach((k, v) -> parts.add(k + "=\"" + v.replace("\"", "\\\"") + "\""));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
