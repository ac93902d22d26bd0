package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the group a failure names: the slice with the worst value of a metric (among the columns the
 * slice does not fix), or the extremes of a group rate. */
final class WorstGroups {
    private WorstGroups() {
    }

    /**
     * The group (one value of one of the subject's group columns) with the worst {@code metric}, measured
     * by a {@code slices} check; empty when there are no group columns or no group could be measured.
     */
    static Optional<Measurement> ofMetric(ModelUnderTest subject, String metric, RowFilter where) {
        List<String> columns = subject.groupColumns().stream()
                .filter(c -> where == null || !where.tests().containsKey(c)).toList();
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        CheckResult slices = CheckRuns.run(subject, "slices", Map.of("columns", columns, "metrics", List.of(metric),
                "ci", false), List.of(), where);
        Comparator<Measurement> byValue = Comparator.comparingDouble(Measurement::value);
        boolean lowerIsBetter = MetricCatalog.all().stream().filter(i -> i.id().equals(metric)).findFirst()
                .map(i -> i.direction() == MetricInfo.Direction.LOWER_IS_BETTER).orElse(false);
        return members(slices, metric).stream().max(lowerIsBetter ? byValue : byValue.reversed());
    }

    /** The groups with the lowest and highest {@code rate} in a fairness result; empty with fewer than two groups. */
    static List<Measurement> extremes(CheckResult fairness, String rate) {
        List<Measurement> members = members(fairness, rate);
        if (members.size() < 2) {
            return List.of();
        }
        Comparator<Measurement> byValue = Comparator.comparingDouble(Measurement::value);
        return List.of(members.stream().min(byValue).orElseThrow(), members.stream().max(byValue).orElseThrow());
    }

    private static List<Measurement> members(CheckResult result, String name) {
        return result.measurements().stream().filter(m -> m.name().equals(name) && m.key() != null && m.defined()
                && !Double.isNaN(m.value())).toList();
    }
}
