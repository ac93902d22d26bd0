package dev.assay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.Cbpe;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowAggregateCodec;
import dev.assay.core.monitor.WindowSnapshot;
import dev.assay.core.monitor.alert.Alert;
import dev.assay.core.monitor.alert.AlertEvaluator;
import dev.assay.core.monitor.alert.AlertRule;
import dev.assay.core.monitor.alert.AlertRules;
import dev.assay.core.monitor.alert.AlertTracker;
import dev.assay.core.monitor.alert.AlertmanagerPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules on windows as they close. A window {@code [start, end)} closes when the clock
 * passes {@code end + alert_grace}; each closed window is evaluated once per (model, version), oldest first,
 * on its {@link WindowSnapshot} (drift p-values, BH-adjusted by a {@code drift_p[*]} rule, CBPE estimates
 * and bands, realised metrics, label coverage, rows). The evaluator's streaks, the tracker's alerts and the
 * last window evaluated are saved in the transaction that reads them, so a restart neither loses an alert
 * nor notifies twice. Each transition (firing, resolved) is logged and, unless a silence covers it, posted
 * as an Alertmanager v4 payload to the service's and the model's webhooks.
 */
final class AlertEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Storage db;
    private final MonitoringStore store;
    private final Calibrations calibrations;
    private final Silences silences;
    private final WebhookSender sender;
    private final String serverWebhook;
    private final Clock clock;
    private final Supplier<String> externalUrl;

    AlertEvaluation(Storage db, MonitoringStore store, Calibrations calibrations, Silences silences, WebhookSender sender,
            String serverWebhook, Clock clock, Supplier<String> externalUrl) {
        this.db = db;
        this.calibrations = calibrations;
        this.store = store;
        this.silences = silences;
        this.sender = sender;
        this.serverWebhook = serverWebhook;
        this.clock = clock;
        this.externalUrl = externalUrl;
    }

    /** Evaluates the newly closed windows of every model; answers how many windows were evaluated. */
    int run() {
        int evaluated = 0;
        List<String> models;
        try {
            models = store.models();
        } catch (SQLException e) {
            LOG.error("alert evaluation: cannot list the models", e);
            return 0;
        }
        for (String model : models) {
            try {
                evaluated += run(model);
            } catch (SQLException | RuntimeException e) {
                LOG.error("alert evaluation of model {} failed; it is tried again at the next run", model, e);
            }
        }
        return evaluated;
    }

    /** Evaluates the newly closed windows of {@code model}. */
    int run(String model) throws SQLException {
        Instant now = clock.instant();
        ModelConfig config = ModelConfig.parse(store.model(model).orElseThrow());
        List<WindowAggregate> closed = closedWindows(model, config, now);
        if (closed.isEmpty()) {
            return 0;
        }
        List<AlertRule> rules = rules(model);
        ReferenceForm reference = store.referenceForm(model).orElse(null);
        Cbpe cbpe = calibrations.of(model, reference);
        List<WindowSnapshot> snapshots = new ArrayList<>();
        for (WindowAggregate w : closed) {
            snapshots.add(snapshot(model, reference, w, cbpe));
        }
        List<Alert> transitions = db.write(c -> {
            db.lockModel(c, model);
            AlertStore.State state = AlertStore.load(c, model);
            AlertEvaluator evaluator = new AlertEvaluator(rules, state.streaks());
            AlertTracker tracker = AlertTracker.restore(state.alerts());
            Map<String, Long> progress = new HashMap<>(state.progress());
            List<Alert> out = new ArrayList<>();
            for (WindowSnapshot s : snapshots) {
                long start = s.start().toEpochMilli();
                if (start <= progress.getOrDefault(s.version(), Long.MIN_VALUE)) {
                    continue;
                }
                out.addAll(tracker.update(model, s.version(), evaluator.evaluate(s), now));
                progress.put(s.version(), start);
            }
            AlertStore.save(c, model, tracker.alerts(), evaluator.streaks(), progress);
            return out;
        });
        notify(config, transitions, now);
        return closed.size();
    }

    private void notify(ModelConfig config, List<Alert> transitions, Instant now) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        List<Silences.Silence> all = silences.all();
        Set<String> urls = new LinkedHashSet<>();
        if (serverWebhook != null) {
            urls.add(serverWebhook);
        }
        if (config.webhook() != null) {
            urls.add(config.webhook());
        }
        for (Alert a : transitions) {
            String what = String.format(Locale.ROOT, "alert %s %s (%s, model %s, version %s, %s = %s, fingerprint %s)", a.rule(),
                    a.state().name().toLowerCase(Locale.ROOT), a.severity(), a.model(), a.version(), a.metric(), a.value(), a.fingerprint());
            List<String> covering = Silences.covering(all, a, now);
            if (!covering.isEmpty()) {
                LOG.info("{}: silenced by {}, not notified", what, String.join(", ", covering));
                continue;
            }
            LOG.info("{}", what);
            String payload = AlertmanagerPayload.toJson(AlertmanagerPayload.build("assay", List.of("alertname", "model"), externalUrl.get(),
                    List.of(a)));
            String name = "alert " + a.rule() + " " + a.state().name().toLowerCase(Locale.ROOT) + " " + a.fingerprint();
            urls.forEach(u -> sender.send(u, payload, name));
        }
    }

    /** The windows not evaluated yet whose end plus the grace has passed, oldest first per version. */
    private List<WindowAggregate> closedWindows(String model, ModelConfig config, Instant now) throws SQLException {
        Map<String, Long> progress = new AlertStore(db).progress(model);
        return db.read(c -> {
            List<WindowAggregate> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT version, start_ms, aggregate FROM window_aggregates WHERE model = ? "
                    + "ORDER BY version, start_ms")) {
                s.setString(1, model);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant start = Instant.ofEpochMilli(r.getLong(2));
                        boolean due = r.getLong(2) > progress.getOrDefault(r.getString(1), Long.MIN_VALUE)
                                && !config.window().end(start).plus(config.alertGrace()).isAfter(now);
                        if (due) {
                            String what = "window " + start + " of " + model + " " + r.getString(1);
                            out.add(WindowAggregateCodec.fromBytes(r.getBytes(3), what));
                        }
                    }
                }
            }
            out.sort(Comparator.comparing(WindowAggregate::version).thenComparing(WindowAggregate::start));
            return out;
        });
    }

    /** The window's measurements; without a (comparable) reference only the counts. */
    private static WindowSnapshot snapshot(String model, ReferenceForm reference, WindowAggregate w, Cbpe cbpe) {
        if (reference != null) {
            try {
                return WindowSnapshot.of(model, reference.aggregate(), w, cbpe);
            } catch (InvalidInputException e) {
                LOG.warn("alert evaluation of model {} version {} window {}: no drift against the reference ({})", model, w.version(),
                        w.start(), e.getMessage());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rows", (double) w.rows());
        values.put("labelled_rows", (double) w.labelledRows());
        values.put("label_coverage", w.labelCoverage());
        return new WindowSnapshot(model, w.version(), w.start(), values, Map.of());
    }

    private List<AlertRule> rules(String model) throws SQLException {
        String json = new AlertStore(db).rules(model).orElse("[]");
        try {
            return AlertRules.parse(JSON.readValue(json, List.class), "the rules of model " + model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
