package dev.assay.core.segments;

import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the segments to report from the slices tried: the significant ones (adjusted p-value at
 * most the FDR, and worse than the rest), by {@linkplain SliceTest#impact impact} descending (ties:
 * smaller p-value, then description), at most {@code maxSegments}, skipping nested repeats:
 *
 * <ul>
 *   <li>a slice inside a significant one (a pair slice refining a significant one-column slice) is
 *       reported only if it is clearly worse than it: the upper end of its Wilson interval lies
 *       below the larger slice's metric (above, for fpr and fnr);
 *   <li>a slice containing a significant one (a one-column slice holding a significant pair slice)
 *       is not reported when its weakness lies there: when the pair slice is clearly worse than it
 *       (as above) and its other rows, without the pair slice's, are no worse than the rows outside it.
 * </ul>
 *
 * Slices with the same rows never both reach this step (the search tries the first only).
 */
final class SegmentSelection {
    private SegmentSelection() {
    }

    static List<WeakSegment> select(List<SliceTest> tests, SegmentSettings settings) {
        SegmentMetric metric = settings.metric();
        List<SliceTest> candidates = new ArrayList<>();
        for (SliceTest t : tests) {
            if (t.adjustedP() <= settings.fdr() && t.shortfall(metric) > 0) {
                candidates.add(t);
            }
        }
        candidates.sort(Comparator.comparingDouble((SliceTest t) -> -t.impact(metric))
                .thenComparingDouble(SliceTest::pValue)
                .thenComparing(t -> t.slice().describe()));
        List<SliceTest> significant = List.copyOf(candidates);
        Map<SliceTest, Interval> intervals = new IdentityHashMap<>();
        significant.forEach(t -> intervals.put(t, wilson(t)));
        candidates.removeIf(t -> significant.stream().anyMatch(o -> o != t
                && (repeats(t, intervals.get(t), o, metric) || explains(o, intervals.get(o), t, metric))));
        List<WeakSegment> picked = new ArrayList<>();
        for (SliceTest t : candidates) {
            if (picked.size() == settings.maxSegments()) {
                break;
            }
            picked.add(new WeakSegment(t, t.slice().size(), intervals.get(t), t.impact(metric)));
        }
        return picked;
    }

    private static Interval wilson(SliceTest t) {
        return WilsonInterval.of(t.successes(), t.count(), SegmentSettings.INTERVAL_LEVEL).interval();
    }

    /** Whether {@code t} lies inside {@code parent} without being clearly worse than it (the first rule above). */
    private static boolean repeats(SliceTest t, Interval interval, SliceTest parent, SegmentMetric metric) {
        return t.slice().terms().size() > parent.slice().terms().size() && t.slice().refines(parent.slice())
                && !clearlyWorse(interval, parent, metric);
    }

    /** Whether the whole interval of a slice's metric lies on the worse side of {@code other}'s metric. */
    private static boolean clearlyWorse(Interval interval, SliceTest other, SegmentMetric metric) {
        return metric.higherIsBetter() ? interval.upper() < other.metric() : interval.lower() > other.metric();
    }

    /** Whether {@code parent}'s weakness lies in {@code child} (the second rule above). */
    private static boolean explains(SliceTest child, Interval childInterval, SliceTest parent, SegmentMetric metric) {
        if (child.slice().terms().size() <= parent.slice().terms().size() || !child.slice().refines(parent.slice())
                || !clearlyWorse(childInterval, parent, metric)) {
            return false;
        }
        int count = parent.count() - child.count();
        if (count == 0) {
            return true;
        }
        double others = (double) (parent.successes() - child.successes()) / count;
        return metric.higherIsBetter() ? others >= parent.restMetric() : others <= parent.restMetric();
    }
}
