package dev.assay.core.fairness;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every disparity, per-group rate and selection-rate test of binary predictions, for each protected
 * attribute on its own and, when asked, for their intersection: what the {@code fairness} check and
 * {@code assay fairness} report. Each grouping is a {@link Grouping} whose {@link Grouping#key()} is
 * the attribute ({@code sex}) or the intersection ({@code sex&race}).
 */
public final class FairnessAssessment {
    /** The separator of the columns of an intersection in a grouping's key: {@code sex&race}. */
    public static final String INTERSECTION = "&";

    private FairnessAssessment() {
    }

    /**
     * What to compare and how.
     *
     * @param attributes the protected attributes, each grouped on its own
     * @param intersections whether the product of all attributes is a grouping too (with two or more)
     * @param privileged the privileged value of each attribute that has one (column to value), for the
     *     measures against a privileged group; an intersection has them when every column has a value
     * @param aggregation how per-group values become one disparity
     * @param settings convention, minimum group size, interval level, resamples and seed
     * @param adjustment the multiple-comparison adjustment of the per-group selection-rate tests
     */
    public record Plan(List<ProtectedAttribute> attributes, boolean intersections, Map<String, String> privileged,
            Aggregation aggregation, FairnessSettings settings, MultipleTesting adjustment) {

        public Plan {
            attributes = List.copyOf(attributes);
            privileged = Map.copyOf(new LinkedHashMap<>(privileged));
            Objects.requireNonNull(aggregation, "aggregation");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(adjustment, "adjustment");
        }
    }

    /**
     * The results of one grouping.
     *
     * @param key the attribute or intersection ({@code sex}, {@code sex&race})
     * @param counts the confusion counts of every group
     * @param disparities every disparity measure with its interval, in a fixed order
     * @param overallTest the chi-square test that all groups share one selection rate
     * @param groupTests each group against the rest, p-values adjusted
     * @param privileged the privileged group's label; null when none was named for every column
     */
    public record Grouping(String key, GroupCounts counts, Map<String, Disparity> disparities,
            SelectionRateTest.Result overallTest, List<SelectionRateTest.Result> groupTests, String privileged) {

        /** The groups compared. */
        public Groups groups() {
            return counts.groups();
        }
    }

    /**
     * Assesses {@code truth} (actually positive) and {@code predicted} (predicted positive) of the rows of {@code frame}.
     *
     * @throws InvalidInputException if a privileged value names a column that is not compared or a value
     *     that does not occur, or as {@link Groups#of(Frame, List)}
     */
    public static List<Grouping> assess(Frame frame, boolean[] truth, boolean[] predicted, Plan plan) {
        requireComparedPrivileged(plan);
        List<GroupCounts> counts = new ArrayList<>();
        for (List<ProtectedAttribute> attributes : groupings(plan.attributes(), plan.intersections())) {
            counts.add(GroupCounts.count(Groups.of(frame, attributes), truth, predicted));
        }
        return assess(counts, plan);
    }

    /**
     * Assesses the group counts of each grouping of {@link #groupings(List, boolean)}, in that order,
     * however they were counted: every disparity, interval and test is a function of the counts alone.
     *
     * @throws InvalidInputException if a privileged value names a column that is not compared or a value
     *     that does not occur
     */
    public static List<Grouping> assess(List<GroupCounts> groupings, Plan plan) {
        requireComparedPrivileged(plan);
        List<Grouping> out = new ArrayList<>();
        for (GroupCounts counts : groupings) {
            Groups groups = counts.groups();
            List<String> names = groups.columns();
            String[] privileged = names.stream().map(plan.privileged()::get).toArray(String[]::new);
            boolean withPrivileged = java.util.Arrays.stream(privileged).allMatch(Objects::nonNull);
            Disparities disparities = withPrivileged ? Disparities.of(counts, plan.aggregation(), plan.settings(), privileged)
                    : Disparities.of(counts, plan.aggregation(), plan.settings());
            String key = groupings.size() == 1 ? null : String.join(INTERSECTION, names);
            out.add(new Grouping(key, counts, disparities.all(), SelectionRateTest.overall(counts, plan.settings()),
                    SelectionRateTest.eachGroup(counts, plan.settings(), plan.adjustment()),
                    withPrivileged ? groups.label(groups.find(privileged)) : null));
        }
        return out;
    }

    private static void requireComparedPrivileged(Plan plan) {
        List<String> columns = plan.attributes().stream().map(ProtectedAttribute::column).toList();
        for (String column : plan.privileged().keySet()) {
            if (!columns.contains(column)) {
                throw new InvalidInputException("a privileged value is given for column '" + column
                        + "', which is not a compared protected column; the compared columns are " + columns + ".");
            }
        }
    }

    /** Each attribute on its own and, with {@code intersections} and two or more attributes, all of them combined. */
    public static List<List<ProtectedAttribute>> groupings(List<ProtectedAttribute> attributes, boolean intersections) {
        List<List<ProtectedAttribute>> out = new ArrayList<>();
        attributes.forEach(a -> out.add(List.of(a)));
        if (intersections && attributes.size() > 1) {
            out.add(List.copyOf(attributes));
        }
        return out;
    }

    /**
     * The member key of {@code group}, as conditions address it: {@code sex=Female} or
     * {@code sex=Female,race=Black} (no space after the comma).
     */
    public static String memberKey(Groups groups, int group) {
        List<String> values = groups.values(group);
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < values.size(); a++) {
            sb.append(a == 0 ? "" : ",").append(groups.columns().get(a)).append('=').append(values.get(a));
        }
        return sb.toString();
    }

    /** Whether {@code group} takes part in the comparisons: it has rows, at least the minimum size in force. */
    public static boolean takesPart(GroupCounts counts, int group, FairnessSettings settings) {
        long n = counts.size(group);
        return n > 0 && n >= settings.effectiveMinGroupSize();
    }
}
