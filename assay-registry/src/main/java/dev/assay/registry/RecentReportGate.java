package dev.assay.registry;

import dev.assay.core.model.ModelSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Passes a version whose most recently linked report is green ({@code pass} or {@code warn}) and
 * was linked within {@code maxAge}; fails when it has no report, the report is older, or it failed.
 */
public final class RecentReportGate implements PromotionGate {
    private final RegistryStore store;
    private final Duration maxAge;
    private final Clock clock;

    /** A gate over the reports in {@code store} that accepts reports at most {@code maxAge} old. */
    public RecentReportGate(RegistryStore store, Duration maxAge, Clock clock) {
        this.store = store;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Verdict check(ModelVersion version, ModelSource source) {
        List<LinkedReport> reports = store.reports(version.name(), version.version());
        if (reports.isEmpty()) {
            return Verdict.fail(version.reference() + " has no linked report");
        }
        LinkedReport last = reports.get(reports.size() - 1);
        Instant oldest = clock.instant().minus(maxAge);
        if (last.linkedAt().isBefore(oldest)) {
            return Verdict.fail("the last report of " + version.reference() + " (" + last.location() + ", " + last.linkedAt()
                    + ") is older than " + maxAge);
        }
        boolean green = last.status().equals("pass") || last.status().equals("warn");
        String summary = "report " + last.location() + " of " + last.linkedAt() + ": " + last.status();
        return green ? Verdict.pass(summary) : Verdict.fail(summary);
    }
}
