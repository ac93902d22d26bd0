package dev.assay.core.segments;

import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the segments to report from the slices tried: the significant ones (adjusted p-value at
 * most the FDR, and worse than the rest), by {@linkplain SliceTest#impact impact} descending (ties:
 * smaller p-value, then description), at most {@code maxSegments}, skipping nested repeats:
 *
 * <ul>
 *   <li>a slice inside a reported one (a pair slice refining a reported one-column slice) is
 *       reported only if it is clearly worse than it: the upper end of its Wilson interval lies
 *       below the reported slice's metric (above, for fpr and fnr);
 *   <li>a slice containing a significant one (a one-column slice holding a significant pair slice)
 *       is not reported when its weakness lies there: when its other rows, without the pair slice's,
 *       are no worse than the rows outside it.
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
        candidates.removeIf(t -> significant.stream().anyMatch(c -> c != t && explains(c, t, metric)));
        List<WeakSegment> picked = new ArrayList<>();
        for (SliceTest t : candidates) {
            if (picked.size() == settings.maxSegments()) {
                break;
            }
            Interval interval = WilsonInterval.of(t.successes(), t.count(), SegmentSettings.INTERVAL_LEVEL).interval();
            if (picked.stream().allMatch(p -> distinct(t, interval, p.test(), metric))) {
                picked.add(new WeakSegment(t, t.slice().size(), interval, t.impact(metric)));
            }
        }
        return picked;
    }

    /** Whether {@code t}, inside a reported slice, is clearly worse than it (the first rule above). */
    private static boolean distinct(SliceTest t, Interval interval, SliceTest reported, SegmentMetric metric) {
        if (!t.slice().refines(reported.slice())) {
            return true;
        }
        return metric.higherIsBetter() ? interval.upper() < reported.metric() : interval.lower() > reported.metric();
    }

    /** Whether {@code parent}'s weakness lies in {@code child} (the second rule above). */
    private static boolean explains(SliceTest child, SliceTest parent, SegmentMetric metric) {
        if (child.slice().terms().size() <= parent.slice().terms().size() || !child.slice().refines(parent.slice())) {
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
