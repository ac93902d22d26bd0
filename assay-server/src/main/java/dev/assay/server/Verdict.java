package dev.assay.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state of a model version in one window, with its reasons. ALERT when performance is out of its reference band:
 * a CBPE estimate outside {@code [lower, upper]} or a realised metric below {@code lower}. WARNING when columns drifted
 * (Benjamini-Hochberg adjusted p-value below {@link WindowSummary#FDR}) or fewer than {@link #LOW_COVERAGE} of the
 * window's rows are labelled. OK otherwise. A firing alert of the version that is neither silenced nor resolved
 * makes it ALERT too ({@link #withAlerts}).
 *
 * @param closed whether the window has ended; an open one is judged on the rows so far
 */
record Verdict(Level level, List<String> reasons, WindowView window, boolean closed) {
    /** Below this share of labelled rows the realised metrics are too thin to confirm the estimates. */
    static final double LOW_COVERAGE = 0.2;
    private static final int NAMED_COLUMNS = 5;

    /** From best to worst. */
    enum Level {
        OK, WARNING, ALERT
    }

    static Verdict of(WindowView w, boolean closed) {
        List<String> alerts = new ArrayList<>();
        for (Map.Entry<String, WindowView.Estimate> e : w.estimated().entrySet()) {
            WindowView.Estimate est = e.getValue();
            if (est.alert()) {
                alerts.add("estimated " + e.getKey() + " " + Html.num(est.value(), 3) + " is outside its band [" + Html.num(est.lower(), 3)
                        + ", " + Html.num(est.upper(), 3) + "]");
            }
            double realised = w.realised().getOrDefault(e.getKey(), Double.NaN);
            if (realised < est.lower()) {
                alerts.add("realised " + e.getKey() + " " + Html.num(realised, 3) + " is below its band (lower bound "
                        + Html.num(est.lower(), 3) + ")");
            }
        }
        List<String> warnings = new ArrayList<>();
        List<WindowView.Drift> drifted = w.drifted();
        if (!drifted.isEmpty()) {
            String names = drifted.stream().limit(NAMED_COLUMNS).map(WindowView.Drift::column).collect(Collectors.joining(", "));
            warnings.add(drifted.size() + " of " + w.drift().size() + " columns drifted: " + names
                    + (drifted.size() > NAMED_COLUMNS ? " and " + (drifted.size() - NAMED_COLUMNS) + " more" : ""));
        }
        if (!(w.labelCoverage() >= LOW_COVERAGE)) {
            warnings.add("label coverage " + Html.percent(w.labelCoverage()) + " is below "
                    + Html.percent(LOW_COVERAGE));
        }
        List<String> reasons = new ArrayList<>(alerts);
        reasons.addAll(warnings);
        Level level = !alerts.isEmpty() ? Level.ALERT : !warnings.isEmpty() ? Level.WARNING : Level.OK;
        return new Verdict(level, List.copyOf(reasons), w, closed);
    }

    /** This verdict raised to ALERT by each of {@code alerts} still firing and not silenced, named among the reasons first. */
    Verdict withAlerts(List<AlertView> alerts) {
        List<String> firing = alerts.stream().filter(a -> a.firing() && a.silencedBy().isEmpty())
                .map(a -> "alert '" + a.alert().rule() + "' on " + a.alert().metric() + " is " + a.status() + " since "
                        + Html.time(a.alert().startsAt()))
                .toList();
        if (firing.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(firing);
        all.addAll(reasons);
        return new Verdict(Level.ALERT, List.copyOf(all), window, closed);
    }

    /** The badge's status class in the report's style. */
    String css() {
        return level == Level.ALERT ? "s-fail" : level == Level.WARNING ? "s-warn" : "s-pass";
    }
}
