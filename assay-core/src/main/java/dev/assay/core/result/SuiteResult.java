package dev.assay.core.result;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;

/**
 * The results of every check of a suite, with the provenance of the run.
 *
 * @param suite the suite's name
 * @param description what the suite is for; may be empty
 * @param checks one result per check, in the suite's order
 * @param provenance where the result came from
 * @param duration the wall-clock time of the whole run
 */
public record SuiteResult(String suite, String description, List<CheckResult> checks, Provenance provenance,
        Duration duration) {

    public SuiteResult {
        checks = List.copyOf(checks);
        description = description == null ? "" : description;
    }

    /** The overall verdict: the worst status of any check, where SKIPPED counts as PASS. */
    public Status status() {
        Status s = Status.PASS;
        for (CheckResult c : checks) {
            if (c.status() != Status.SKIPPED) {
                s = s.worst(c.status());
            }
        }
        return s;
    }

    /** How many checks ended in each status, in status order. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }
}
