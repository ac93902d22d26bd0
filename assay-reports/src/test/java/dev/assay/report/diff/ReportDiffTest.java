package dev.assay.report.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.Status;
import dev.assay.report.diff.ReportSnapshot.CheckSnapshot;
import dev.assay.report.diff.ReportSnapshot.MeasurementSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
    private static final double NA = Double.NaN;

    private static MeasurementSnapshot m(String key, double value, double lower, double upper) {
        return new MeasurementSnapshot("recall", key, value, lower, upper, Double.isNaN(lower) ? NA : 0.95);
    }

    private static CheckSnapshot check(String name, Status status, MeasurementSnapshot... ms) {
        return new CheckSnapshot(name, "metric", status, List.of(ms));
    }

    private static ReportSnapshot report(Status status, CheckSnapshot... checks) {
        return new ReportSnapshot("r.json", "gate", status, List.of(checks));
    }

    @Test
    void aValueOutsideTheOldIntervalMoved() {
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, 0.3, 0.5), m(null, 0.29, 0.2, 0.4))).isTrue();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, 0.3, 0.5), m(null, 0.51, NA, NA))).isTrue();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, 0.3, 0.5), m(null, 0.3, 0.2, 0.4))).isFalse();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, 0.3, 0.5), m(null, 0.5, 0.2, 0.4))).isFalse();
    }

    @Test
    void withoutAnOldIntervalTheNewOneIsUsedAndWithoutEitherNothingMoves() {
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, NA, NA), m(null, 0.2, 0.1, 0.3))).isTrue();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, NA, NA), m(null, 0.3, 0.25, 0.45))).isFalse();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, NA, NA), m(null, 0.9, NA, NA))).isFalse();
        assertThat(ReportDiff.movedBeyondInterval(m(null, NA, NA, NA), m(null, 0.2, 0.1, 0.3))).isFalse();
        assertThat(ReportDiff.movedBeyondInterval(m(null, 0.4, 0.3, 0.5), m(null, NA, NA, NA))).isFalse();
    }

    @Test
    void statusChangesAddedAndRemovedChecks() {
        ReportSnapshot before = report(Status.WARN,
                check("a", Status.PASS, m("sex=female", 0.4, 0.3, 0.5), m("sex=male", 0.4, 0.3, 0.5)),
                check("b", Status.FAIL), check("c", Status.PASS), check("gone", Status.PASS));
        ReportSnapshot after = report(Status.FAIL,
                check("a", Status.WARN, m("sex=female", 0.2, 0.1, 0.3), m("sex=male", 0.45, 0.3, 0.6)),
                check("b", Status.PASS), check("c", Status.ERROR), check("new", Status.PASS));
        ReportDiff diff = ReportDiff.between(before, after);
        assertThat(diff.statusChanges()).extracting(ReportDiff.StatusChange::check).containsExactly("a", "b", "c");
        assertThat(diff.statusChanges()).filteredOn(ReportDiff.StatusChange::startedFailing)
                .extracting(ReportDiff.StatusChange::check).containsExactly("c");
        assertThat(diff.statusChanges()).filteredOn(ReportDiff.StatusChange::startedPassing)
                .extracting(ReportDiff.StatusChange::check).containsExactly("b");
        assertThat(diff.movements()).singleElement().satisfies(mv -> assertThat(mv.after().label()).isEqualTo("recall[sex=female]"));
        assertThat(diff.added()).extracting(CheckSnapshot::name).containsExactly("new");
        assertThat(diff.removed()).extracting(CheckSnapshot::name).containsExactly("gone");
        assertThat(diff.regression()).isTrue();
        assertThat(DiffWriter.text(diff)).isEqualTo("""
                gate: warn -> fail (REGRESSION)
                Started failing:
                  c: pass -> error
                Started passing:
                  b: fail -> pass
                Other status changes:
                  a: pass -> warn
                Moved beyond the interval:
                  a: recall[sex=female] 0.4 -> 0.2, outside the old run's 95% interval [0.3, 0.5]
                New checks:
                  new: pass
                Removed checks:
                  gone: was pass
                """);
    }

    @Test
    void aWarningIsNoRegressionButANewFailingCheckIs() {
        ReportSnapshot before = report(Status.PASS, check("a", Status.PASS));
        assertThat(ReportDiff.between(before, report(Status.WARN, check("a", Status.WARN))).regression()).isFalse();
        assertThat(ReportDiff.between(before, report(Status.FAIL, check("a", Status.PASS), check("b", Status.FAIL)))
                .regression()).isTrue();
        assertThat(ReportDiff.between(before, report(Status.PASS)).regression()).isFalse();
    }

    @Test
    void checksOfTheSameNamePairInOrder() {
        ReportSnapshot before = report(Status.PASS, check("a", Status.PASS), check("a", Status.PASS));
        ReportSnapshot after = report(Status.FAIL, check("a", Status.PASS), check("a", Status.FAIL));
        ReportDiff diff = ReportDiff.between(before, after);
        assertThat(diff.statusChanges()).containsExactly(new ReportDiff.StatusChange("a", Status.PASS, Status.FAIL));
        assertThat(diff.added()).isEmpty();
    }
}
