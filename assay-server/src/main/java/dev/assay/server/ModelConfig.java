package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.WindowSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model's monitoring configuration, the body of {@code PUT /api/v1/models/{model}}: {@code window} (an ISO-8601
 * duration, default {@code P1D}), {@code positive} (the positive class as a scalar, compared by its text with
 * predictions and labels; default {@code 1}) and optionally {@code features}, an object of feature name to
 * {@code "numeric"} or {@code "category"} that fixes which features are aggregated and how; for alerts,
 * {@code alert_grace} (an ISO-8601 duration, default {@code PT5M}: how long after its end a window is evaluated,
 * so late rows still count) and {@code webhook} (an http(s) URL that receives the notifications; optional).
 */
record ModelConfig(WindowSpec window, String positive, Map<String, Boolean> numericFeatures, Duration alertGrace, String webhook) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("window", "positive", "features", "alert_grace", "webhook");
    private static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

    ModelConfig {
        numericFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(numericFeatures));
    }

    /** The configuration in {@code n}; a wrong field is refused (400) naming it and what it takes. */
    static ModelConfig of(JsonNode n) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("Unknown field '" + f + "' in the model configuration; the fields are window, positive, "
                        + "features, alert_grace and webhook.");
            }
        }
        WindowSpec window;
        JsonNode w = n.path("window");
        try {
            window = WindowSpec.parse(w.isMissingNode() ? "P1D" : w.isTextual() ? w.asText() : w.toString());
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("Field 'window': " + e.getMessage());
        }
        JsonNode p = n.path("positive");
        if (!p.isMissingNode() && (p.isNull() || p.isContainerNode())) {
            throw ApiException.badRequest("Field 'positive' must be the positive class as a number, string or boolean, e.g. \"bad\".");
        }
        Map<String, Boolean> types = new LinkedHashMap<>();
        JsonNode f = n.path("features");
        if (!f.isMissingNode() && !f.isObject()) {
            throw ApiException.badRequest("Field 'features' must be an object of feature name to \"numeric\" or \"category\".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().asText("");
            if (!type.equals("numeric") && !type.equals("category")) {
                throw ApiException.badRequest("Field 'features': feature '" + e.getKey() + "' has type " + e.getValue()
                        + "; write \"numeric\" or \"category\".");
            }
            types.put(e.getKey(), type.equals("numeric"));
        }
        return new ModelConfig(window, p.isMissingNode() ? "1" : p.asText(), types, grace(n.path("alert_grace")),
                webhook(n.path("webhook")));
    }

    private static Duration grace(JsonNode g) {
        if (g.isMissingNode()) {
            return DEFAULT_GRACE;
        }
        try {
            Duration d = Duration.parse(g.asText(""));
            if (!d.isNegative() && d.compareTo(Duration.ofDays(31)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.badRequest("Field 'alert_grace' is " + g + "; write an ISO-8601 duration from PT0S to P31D, e.g. \"PT5M\".");
    }

    private static String webhook(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) {
            return null;
        }
        String url = w.asText("");
        try {
            URI u = new URI(url);
            if (w.isTextual() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiException.badRequest("Field 'webhook' must be an http or https URL, e.g. \"https://alertmanager.example/api/v2/alerts\".");
    }

    /** The stored configuration, read back. */
    static ModelConfig parse(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored model configuration is not JSON", e);
        }
    }

    /** Whether {@code value} (a prediction or label) is the positive class. */
    boolean isPositive(JsonNode value) {
        return value != null && !value.isNull() && value.asText().equals(positive);
    }

    /** The configuration for the audit log: the webhook (whose URL may carry a secret) as its host only. */
    String toAuditJson() {
        return webhook == null ? toJson()
                : toJson().replace(JSON.valueToTree(webhook).toString(), "\"<" + WebhookSender.host(webhook) + ">\"");
    }

    /** The configuration as stored, every field explicit. */
    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("window", window.size().toString());
        o.put("positive", positive);
        ObjectNode f = o.putObject("features");
        numericFeatures.forEach((k, v) -> f.put(k, v ? "numeric" : "category"));
        o.put("alert_grace", alertGrace.toString());
        if (webhook != null) {
            o.put("webhook", webhook);
        }
        return o.toString();
    }
}
