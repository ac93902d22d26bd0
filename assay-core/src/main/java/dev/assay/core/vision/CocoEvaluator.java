package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COCO detection evaluation with the rules of pycocotools' {@code COCOeval} (PythonAPI/pycocotools/cocoeval.py):
 * per image and category, detections sorted by score (stable, as numpy's mergesort) and cut to the 100 best
 * ({@code computeIoU}, lines 173-176); each detection matched greedily to the unmatched ground truth of highest
 * IoU at least the threshold, crowd regions matchable again, ignored (crowd or out-of-range) regions tried last
 * ({@code evaluateImg}, lines 250-296); unmatched detections outside the size range ignored (line 298-299).
 * Per category, size range and detection limit the matches of all images are merged by score, precision
 * {@code tp / (tp + fp)} made monotone from the right and read at the 101 recall thresholds 0, 0.01, ..., 1 by
 * {@code searchsorted(side='left')}; recall is the last {@code tp / npig}; a category without ground truth
 * keeps -1 ({@code accumulate}, lines 334-410). Parameters as {@code Params.setDetParams}: IoU thresholds
 * {@code linspace(.5, .95, 10)}, sizes all / small {@code [0, 32²]} / medium {@code [32², 96²]} /
 * large {@code [96², 1e5²]} (bounds inclusive), at most 1, 10 and 100 detections per image.
 */
public final class CocoEvaluator {
    static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);
    static final double[][] AREA_RANGES = {{0, 1e10}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};
    static final int[] MAX_DETS = {1, 10, 100};
    private static final int T = IOU_THRESHOLDS.length;
    private static final int R = RECALL_THRESHOLDS.length;
    private static final int A = AREA_RANGES.length;
    private static final int M = MAX_DETS.length;
    private static final int MAX_DET = MAX_DETS[M - 1];
    private static final double EPS = Math.ulp(1.0);

    private CocoEvaluator() {
    }

    /** Evaluates {@code data} comparing boxes or masks. */
    public static CocoMetrics evaluate(CocoDataset data, IouType type) {
        long[] images = data.imageIds();
        List<CocoCategory> categories = data.categories();
        int k = categories.size();
        Map<Long, Integer> categoryIndex = new HashMap<>();
        for (int i = 0; i < k; i++) {
            categoryIndex.put(categories.get(i).id(), i);
        }
        Map<Long, List<CocoObject>> gts = group(data.groundTruth(), images, categoryIndex);
        Map<Long, List<CocoObject>> dts = group(data.detections(), images, categoryIndex);
        double[] precision = new double[T * R * k * A * M];
        double[] recall = new double[T * k * A * M];
        Arrays.fill(precision, -1);
        Arrays.fill(recall, -1);
        for (int c = 0; c < k; c++) {
            Accumulator[] acc = new Accumulator[A * M];
            for (int i = 0; i < acc.length; i++) {
                acc[i] = new Accumulator(MAX_DETS[i % M]);
            }
            for (int img = 0; img < images.length; img++) {
                long key = (long) c * images.length + img;
                List<CocoObject> gt = gts.getOrDefault(key, List.of());
                List<CocoObject> dt = dts.getOrDefault(key, List.of());
                if (!gt.isEmpty() || !dt.isEmpty()) {
                    evaluateImage(gt, dt, type, acc);
                }
            }
            for (int a = 0; a < A; a++) {
                for (int m = 0; m < M; m++) {
                    acc[a * M + m].accumulate(precision, recall, c, k, a, m);
                }
            }
        }
        return new CocoMetrics(categories, precision, recall);
    }

    /** Objects by {@code category index * images + image index}, in file order. */
    private static Map<Long, List<CocoObject>> group(List<CocoObject> objects, long[] images, Map<Long, Integer> categories) {
        Map<Long, List<CocoObject>> out = new HashMap<>();
        for (CocoObject o : objects) {
            Integer c = categories.get(o.categoryId());
            int img = Arrays.binarySearch(images, o.imageId());
            if (c == null || img < 0) {
                continue;
            }
            out.computeIfAbsent((long) c * images.length + img, x -> new ArrayList<>()).add(o);
        }
        return out;
    }

    private static void evaluateImage(List<CocoObject> gtList, List<CocoObject> dtList, IouType type, Accumulator[] acc) {
        CocoObject[] dt = sortByScore(dtList);
        CocoObject[] gt = gtList.toArray(new CocoObject[0]);
        double[][] ious = new double[dt.length][gt.length];
        for (int d = 0; d < dt.length; d++) {
            for (int g = 0; g < gt.length; g++) {
                ious[d][g] = type == IouType.BBOX ? BoxIou.xywh(dt[d].box(), gt[g].box(), gt[g].crowd())
                        : dt[d].mask().iou(gt[g].mask(), gt[g].crowd());
            }
        }
        for (int a = 0; a < A; a++) {
            double lo = AREA_RANGES[a][0];
            double hi = AREA_RANGES[a][1];
            // gt ignored if crowd or outside the size range, and tried last (cocoeval.py lines 250-258)
            int[] order = new int[gt.length];
            boolean[] gtIgnore = new boolean[gt.length];
            int n = 0;
            int npig = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int g = 0; g < gt.length; g++) {
                    boolean ignore = gt[g].crowd() || gt[g].area() < lo || gt[g].area() > hi;
                    if (ignore == (pass == 1)) {
                        gtIgnore[n] = ignore;
                        order[n++] = g;
                        npig += ignore ? 0 : 1;
                    }
                }
            }
            int[] flags = new int[dt.length];
            for (int t = 0; t < T; t++) {
                boolean[] gtMatched = new boolean[gt.length];
                for (int d = 0; d < dt.length; d++) {
                    double best = Math.min(IOU_THRESHOLDS[t], 1 - 1e-10);
                    int m = -1;
                    for (int j = 0; j < gt.length; j++) {
                        int g = order[j];
                        if (gtMatched[j] && !gt[g].crowd()) {
                            continue;
                        }
                        if (m > -1 && !gtIgnore[m] && gtIgnore[j]) {
                            break;
                        }
                        if (ious[d][g] < best) {
                            continue;
                        }
                        best = ious[d][g];
                        m = j;
                    }
                    if (m > -1) {
                        gtMatched[m] = true;
                        flags[d] |= Accumulator.MATCHED << t;
                        if (gtIgnore[m]) {
                            flags[d] |= Accumulator.IGNORED << t;
                        }
                    } else if (dt[d].area() < lo || dt[d].area() > hi) {
                        flags[d] |= Accumulator.IGNORED << t;
                    }
                }
            }
            for (int m = 0; m < M; m++) {
                acc[a * M + m].add(dt, flags, npig);
            }
        }
    }

    /** Highest score first, ties in file order, at most {@value #MAX_DET} (cocoeval.py lines 173-176). */
    static CocoObject[] sortByScore(List<CocoObject> dets) {
        CocoObject[] sorted = dets.toArray(new CocoObject[0]);
        Arrays.sort(sorted, (x, y) -> Double.compare(y.score(), x.score()));
        return sorted.length > MAX_DET ? Arrays.copyOf(sorted, MAX_DET) : sorted;
    }

    /** {@code numpy.linspace(start, stop, num)}: {@code start + i * ((stop - start) / (num - 1))}, the last exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] y = new double[num];
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** The detections of one category, size range and detection limit over all images. */
    private static final class Accumulator {
        static final int MATCHED = 1;
        static final int IGNORED = 1 << 16;
        private final int maxDet;
        private double[] scores = new double[16];
        private int[] flags = new int[16];
        private int size;
        private int npig;
        private boolean any;

        Accumulator(int maxDet) {
            this.maxDet = maxDet;
        }

        void add(CocoObject[] dt, int[] detFlags, int nonIgnoredGt) {
            any = true;
            npig += nonIgnoredGt;
            int n = Math.min(dt.length, maxDet);
            if (size + n > scores.length) {
                int cap = Math.max(scores.length * 2, size + n);
                scores = Arrays.copyOf(scores, cap);
                flags = Arrays.copyOf(flags, cap);
            }
            for (int d = 0; d < n; d++) {
                scores[size] = dt[d].score();
                flags[size++] = detFlags[d];
            }
        }

        /** cocoeval.py lines 360-410. */
        void accumulate(double[] precision, double[] recall, int c, int k, int a, int m) {
            if (!any || npig == 0) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
            double[] rc = new double[size];
            double[] pr = new double[size];
            for (int t = 0; t < T; t++) {
                double tp = 0;
                double fp = 0;
                for (int i = 0; i < size; i++) {
                    int f = flags[order[i]];
                    if ((f & (IGNORED << t)) == 0) {
                        if ((f & (MATCHED << t)) != 0) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                    rc[i] = tp / npig;
                    pr[i] = tp / (fp + tp + EPS);
                }
                recall[((t * k + c) * A + a) * M + m] = size > 0 ? rc[size - 1] : 0;
                for (int i = size - 1; i > 0; i--) {
                    if (pr[i] > pr[i - 1]) {
                        pr[i - 1] = pr[i];
                    }
                }
                int i = 0;
                for (int r = 0; r < R; r++) {
                    while (i < size && rc[i] < RECALL_THRESHOLDS[r]) {
                        i++;
                    }
                    precision[(((t * R + r) * k + c) * A + a) * M + m] = i < size ? pr[i] : 0;
                }
            }
        }
    }
}
