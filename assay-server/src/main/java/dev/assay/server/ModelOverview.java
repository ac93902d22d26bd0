package dev.assay.server;

import dev.assay.core.monitor.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model page shows: the versions the service has seen, the selected one (the asked version, else the one
 * with the most recent window), its windows oldest first, and the verdict on its latest closed window (on the
 * latest window while none has closed).
 */
final class ModelOverview {
    /** A version as the service saw it: its first and last window and its rows over all windows. */
    record VersionSeen(String version, Instant firstWindow, Instant lastWindow, long rows, int windows) {
    }

    /** The model's stored totals (all versions) and its reference's rows (null without a reference). */
    record Totals(MonitoringStore.Counts counts, Long referenceRows) {
    }

    final String model;
    final List<VersionSeen> versions;
    final String selected;
    final List<WindowView> windows;
    /** Null when the model has no window yet. */
    final Verdict verdict;
    final RegistryRecords registry;
    /** Null where only the verdict is needed (the list of models). */
    final Totals totals;
    private final WindowSpec spec;

    private ModelOverview(String model, List<VersionSeen> versions, String selected, List<WindowView> windows, Verdict verdict,
            RegistryRecords registry, Totals totals, WindowSpec spec) {
        this.model = model;
        this.versions = versions;
        this.selected = selected;
        this.windows = windows;
        this.verdict = verdict;
        this.registry = registry;
        this.totals = totals;
        this.spec = spec;
    }

    /**
     * {@code asked} is the version of the page's link, or null (or unknown) for the latest; {@code alerts} are the
     * model's, whose firing ones of the selected version raise the verdict to ALERT.
     */
    static ModelOverview of(String model, WindowSpec spec, List<WindowView> all, String asked, Instant now, RegistryRecords registry,
            Totals totals, List<AlertView> alerts) {
        Map<String, List<WindowView>> byVersion = new LinkedHashMap<>();
        for (WindowView w : all) {
            byVersion.computeIfAbsent(w.version(), v -> new ArrayList<>()).add(w);
        }
        List<VersionSeen> versions = new ArrayList<>();
        byVersion.forEach((v, ws) -> {
            ws.sort(Comparator.comparing(WindowView::start));
            versions.add(new VersionSeen(v, ws.get(0).start(), ws.get(ws.size() - 1).start(),
                    ws.stream().mapToLong(WindowView::rows).sum(), ws.size()));
        });
        String selected = asked != null && byVersion.containsKey(asked) ? asked : versions.stream()
                .max(Comparator.comparing(VersionSeen::lastWindow).thenComparing(VersionSeen::version)).map(VersionSeen::version).orElse(null);
        List<WindowView> windows = selected == null ? List.of() : List.copyOf(byVersion.get(selected));
        Verdict verdict = null;
        for (int i = windows.size() - 1; i >= 0 && verdict == null; i--) {
            if (spec.closed(windows.get(i).start(), now)) {
                verdict = Verdict.of(windows.get(i), true);
            }
        }
        if (verdict == null && !windows.isEmpty()) {
            verdict = Verdict.of(windows.get(windows.size() - 1), false);
        }
        if (verdict != null) {
            verdict = verdict.withAlerts(alerts.stream().filter(a -> a.alert().version().equals(selected)).toList());
        }
        return new ModelOverview(model, List.copyOf(versions), selected, windows, verdict, registry, totals, spec);
    }

    /** A window's position on the charts' x axis: {@link #unit()}s since the selected version's first window. */
    double x(Instant start) {
        return (double) Duration.between(windows.get(0).start(), start).toSeconds() / unitSeconds();
    }

    /** The x axis' unit: days for windows of a day or more, hours for an hour or more, else minutes. */
    String unit() {
        long s = spec.size().toSeconds();
        return s >= 86_400 ? "days" : s >= 3600 ? "hours" : "minutes";
    }

    /** The x axis' label. */
    String xLabel() {
        return unit() + " since " + Html.time(windows.get(0).start());
    }

    private long unitSeconds() {
        long s = spec.size().toSeconds();
        return s >= 86_400 ? 86_400 : s >= 3600 ? 3600 : 60;
    }
}
