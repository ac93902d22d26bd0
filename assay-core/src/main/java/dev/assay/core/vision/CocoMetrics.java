package dev.assay.core.vision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The accumulated precision {@code [T x R x K x A x M]} and recall {@code [T x K x A x M]} of a COCO
 * evaluation (-1 where a category has no ground truth in a size range), and the twelve numbers of
 * pycocotools' {@code summarize()} (cocoeval.py lines 427-471): the mean of the entries above -1,
 * undefined when there is none (pycocotools prints -1).
 */
public final class CocoMetrics {
    /** Ids of {@code COCOeval.stats[0..11]}, in that order. */
    public static final List<String> SUMMARY_IDS = List.of("map", "map_50", "map_75", "map_small", "map_medium", "map_large",
            "ar_1", "ar_10", "ar_100", "ar_small", "ar_medium", "ar_large");
    private static final int T = CocoEvaluator.IOU_THRESHOLDS.length;
    private static final int R = CocoEvaluator.RECALL_THRESHOLDS.length;
    private static final int A = CocoEvaluator.AREA_RANGES.length;
    private static final int M = CocoEvaluator.MAX_DETS.length;
    private static final int IOU_50 = 0;
    private static final int IOU_75 = 5;
    private final List<CocoCategory> categories;
    private final double[] precision;
    private final double[] recall;

    CocoMetrics(List<CocoCategory> categories, double[] precision, double[] recall) {
        this.categories = List.copyOf(categories);
        this.precision = precision;
        this.recall = recall;
    }

    public List<CocoCategory> categories() {
        return categories;
    }

    /** The twelve summary numbers by id ({@link #SUMMARY_IDS}); an undefined one is empty. */
    public Map<String, OptionalDouble> summary() {
        Map<String, OptionalDouble> out = new LinkedHashMap<>();
        int last = M - 1;
        out.put("map", ap(-1, -1, 0, last));
        out.put("map_50", ap(IOU_50, -1, 0, last));
        out.put("map_75", ap(IOU_75, -1, 0, last));
        out.put("map_small", ap(-1, -1, 1, last));
        out.put("map_medium", ap(-1, -1, 2, last));
        out.put("map_large", ap(-1, -1, 3, last));
        out.put("ar_1", ar(0, 0));
        out.put("ar_10", ar(0, 1));
        out.put("ar_100", ar(0, last));
        out.put("ar_small", ar(1, last));
        out.put("ar_medium", ar(2, last));
        out.put("ar_large", ar(3, last));
        return out;
    }

    /** AP@[.50:.95] of category {@code c} (all sizes, 100 detections); empty without ground truth. */
    public OptionalDouble classAp(int c) {
        return ap(-1, c, 0, M - 1);
    }

    /** AP@.50 of category {@code c}. */
    public OptionalDouble classAp50(int c) {
        return ap(IOU_50, c, 0, M - 1);
    }

    /**
     * Interpolated precision of category {@code c} at the recall thresholds 0, 0.01, ..., 1 at IoU 0.50
     * (all sizes, 100 detections); null without ground truth.
     */
    public double[] precisionCurve50(int c) {
        double[] curve = new double[R];
        for (int r = 0; r < R; r++) {
            curve[r] = precision[index(IOU_50, r, c, 0, M - 1)];
        }
        return curve[0] < 0 ? null : curve;
    }

    /** The 101 recall thresholds of the precision curves. */
    public static double[] recallThresholds() {
        return CocoEvaluator.RECALL_THRESHOLDS.clone();
    }

    private OptionalDouble ap(int t, int c, int a, int m) {
        double sum = 0;
        long n = 0;
        int k = categories.size();
        for (int ti = 0; ti < T; ti++) {
            if (t >= 0 && ti != t) {
                continue;
            }
            for (int r = 0; r < R; r++) {
                for (int ci = 0; ci < k; ci++) {
                    if (c >= 0 && ci != c) {
                        continue;
                    }
                    double v = precision[index(ti, r, ci, a, m)];
                    if (v > -1) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    private OptionalDouble ar(int a, int m) {
        double sum = 0;
        long n = 0;
        int k = categories.size();
        for (int t = 0; t < T; t++) {
            for (int c = 0; c < k; c++) {
                double v = recall[((t * k + c) * A + a) * M + m];
                if (v > -1) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    private int index(int t, int r, int c, int a, int m) {
        return (((t * R + r) * categories.size() + c) * A + a) * M + m;
    }
}
