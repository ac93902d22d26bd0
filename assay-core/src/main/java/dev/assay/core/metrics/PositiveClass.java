package dev.assay.core.metrics;

import dev.assay.core.error.Excerpt;
import java.util.List;
import java.util.Locale;

/**
 * The default positive class of a binary task and why: 1 for 0/1 and -1/1 labels, true for booleans,
 * the only class present, else the less frequent class (the later in sorted order on a tie).
 *
 * @param name the class
 * @param why the reason, for the evaluation's notes
 */
public record PositiveClass(String name, String why) {

    /**
     * Chooses among {@code classes} (sorted, at most two) given the number of label rows of each.
     *
     * @param labelCounts the label rows of each class, in the order of {@code classes}
     */
    public static PositiveClass choose(List<String> classes, long[] labelCounts) {
        List<String> lower = classes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (List.of("0", "1").containsAll(classes) || List.of("-1", "1").containsAll(classes)) {
            String kind = classes.contains("-1") ? "-1/1" : "0/1";
            return new PositiveClass("1", "the default for " + kind + " labels");
        }
        if (List.of("false", "true").containsAll(lower)) {
            int t = lower.indexOf("true");
            return new PositiveClass(t >= 0 ? classes.get(t) : "true", "the default for boolean labels");
        }
        if (classes.size() == 1) {
            return new PositiveClass(classes.get(0), "the only class present");
        }
        int pick = labelCounts[0] < labelCounts[1] ? 0 : 1;
        String reason = labelCounts[0] == labelCounts[1]
                ? "the classes '" + Excerpt.of(classes.get(0)) + "' and '" + Excerpt.of(classes.get(1))
                        + "' are equally frequent; the later in sorted order"
                : "the less frequent of '" + Excerpt.of(classes.get(0)) + "', '" + Excerpt.of(classes.get(1)) + "'";
        return new PositiveClass(classes.get(pick), reason);
    }
}
