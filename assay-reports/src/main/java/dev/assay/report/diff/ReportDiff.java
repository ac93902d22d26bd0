package dev.assay.report.diff;

import dev.assay.core.result.Status;
import dev.assay.report.diff.ReportSnapshot.CheckSnapshot;
import dev.assay.report.diff.ReportSnapshot.MeasurementSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two runs of a suite: checks matched by name whose status changed, checks
 * added or removed, and measurements (matched by {@code name[key]}) that moved beyond their
 * interval: the new value lies outside the old run's confidence interval, or, when only the new run
 * has one, the old value lies outside the new interval. Measurements without an interval in
 * either run are not compared.
 *
 * <p>A <em>regression</em> is a check that fails or cannot run now ({@code fail} or {@code error})
 * but did not before, including a new check that fails.
 */
public record ReportDiff(ReportSnapshot before, ReportSnapshot after, List<StatusChange> statusChanges,
                         List<Movement> movements, List<CheckSnapshot> added, List<CheckSnapshot> removed) {

    /** A check whose status differs between the runs. */
    public record StatusChange(String check, Status before, Status after) {

        /** Fails or cannot run now, but did neither before. */
        public boolean startedFailing() {
            return failing(after) && !failing(before);
        }

        /** Failed or could not run before, and does neither now. */
        public boolean startedPassing() {
            return failing(before) && !failing(after);
        }
    }

    /** A measurement that moved beyond its interval. */
    public record Movement(String check, MeasurementSnapshot before, MeasurementSnapshot after) {

        /** The interval the other run's value lies outside of. */
        public MeasurementSnapshot intervalOwner() {
            return before.hasInterval() ? before : after;
        }
    }

    /** Compares the run {@code after} with the run {@code before}. */
    public static ReportDiff between(ReportSnapshot before, ReportSnapshot after) {
        Map<String, CheckSnapshot> old = byName(before.checks());
        Map<String, CheckSnapshot> now = byName(after.checks());
        List<StatusChange> changes = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        List<CheckSnapshot> added = new ArrayList<>();
        now.forEach((name, check) -> {
            CheckSnapshot was = old.get(name);
            if (was == null) {
                added.add(check);
                return;
            }
            if (was.status() != check.status()) {
                changes.add(new StatusChange(check.name(), was.status(), check.status()));
            }
            Map<String, MeasurementSnapshot> oldValues = new LinkedHashMap<>();
            was.measurements().forEach(m -> oldValues.putIfAbsent(m.label(), m));
            for (MeasurementSnapshot m : check.measurements()) {
                MeasurementSnapshot o = oldValues.get(m.label());
                if (o != null && movedBeyondInterval(o, m)) {
                    movements.add(new Movement(check.name(), o, m));
                }
            }
        });
        List<CheckSnapshot> removed = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new ReportDiff(before, after, List.copyOf(changes), List.copyOf(movements), List.copyOf(added), removed);
    }

    /** Whether a check started failing, or a new check fails. */
    public boolean regression() {
        return statusChanges.stream().anyMatch(StatusChange::startedFailing)
                || added.stream().anyMatch(c -> failing(c.status()));
    }

    /** Whether nothing that this diff looks at changed. */
    public boolean unchanged() {
        return statusChanges.isEmpty() && movements.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    static boolean movedBeyondInterval(MeasurementSnapshot before, MeasurementSnapshot after) {
        if (Double.isNaN(before.value()) || Double.isNaN(after.value())) {
            return false;
        }
        if (before.hasInterval()) {
            return outside(after.value(), before);
        }
        return after.hasInterval() && outside(before.value(), after);
    }

    private static boolean outside(double value, MeasurementSnapshot interval) {
        return value < interval.lower() || value > interval.upper();
    }

    private static boolean failing(Status s) {
        return s == Status.FAIL || s == Status.ERROR;
    }

    /** Checks by name; a repeated name gets {@code #2}, {@code #3}, ... so that both runs pair them in order. */
    private static Map<String, CheckSnapshot> byName(List<CheckSnapshot> checks) {
        Map<String, CheckSnapshot> map = new LinkedHashMap<>();
        for (CheckSnapshot c : checks) {
            String key = c.name();
            for (int n = 2; map.containsKey(key); n++) {
                key = c.name() + " #" + n;
            }
            map.put(key, c);
        }
        return map;
    }
}
