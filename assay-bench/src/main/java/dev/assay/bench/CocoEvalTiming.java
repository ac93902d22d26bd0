package dev.assay.bench;

import dev.assay.core.vision.CocoCategory;
import dev.assay.core.vision.CocoDataset;
import dev.assay.core.vision.CocoEvaluator;
import dev.assay.core.vision.CocoMetrics;
import dev.assay.core.vision.CocoObject;
import dev.assay.core.vision.IouType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * COCO box mAP ({@link CocoEvaluator}) of IMAGES synthetic images (640 x 480, 80 categories, 1 to 15 objects
 * each with COCO-like sizes, 1% of them crowd regions) with DETS detections per image: a jittered
 * detection of most objects, a few duplicates and the rest false boxes, scores higher for better boxes;
 * seeded. Prints the time of the second of two evaluations and the summary.
 *
 * <p>Usage: {@code CocoEvalTiming [IMAGES (default 5000)] [DETS (default 100)] [SEED (default 7)]}
 */
public final class CocoEvalTiming {
    private static final int CATEGORIES = 80;

    private CocoEvalTiming() {
    }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int perImage = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        CocoDataset data = synthetic(images, perImage, new Random(seed));
        CocoMetrics metrics = null;
        long nanos = 0;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            metrics = CocoEvaluator.evaluate(data, IouType.BBOX);
            nanos = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "%d images, %d ground-truth objects, %d detections, %d categories: %.2f s%n", images,
                data.groundTruth().size(), data.detections().size(), CATEGORIES, nanos / 1e9);
        metrics.summary().forEach((id, v) -> System.out.printf(Locale.ROOT, "  %-10s %.4f%n", id, v.orElse(-1)));
    }

    static CocoDataset synthetic(int images, int perImage, Random rnd) {
        List<CocoCategory> cats = new ArrayList<>();
        for (int c = 1; c <= CATEGORIES; c++) {
            cats.add(new CocoCategory(c, "class" + c));
        }
        long[] ids = new long[images];
        List<CocoObject> gts = new ArrayList<>();
        List<CocoObject> dts = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            ids[i] = i + 1;
            int objects = 1 + rnd.nextInt(15);
            List<double[]> boxes = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            for (int o = 0; o < objects; o++) {
                // log-uniform side from 8 to 400 pixels: small, medium and large objects as in COCO
                double w = Math.exp(Math.log(8) + rnd.nextDouble() * Math.log(50));
                double h = w * (0.5 + rnd.nextDouble());
                double x = rnd.nextDouble() * Math.max(1, 640 - w);
                double y = rnd.nextDouble() * Math.max(1, 480 - h);
                int c = 1 + rnd.nextInt(CATEGORIES);
                boolean crowd = rnd.nextDouble() < 0.01;
                gts.add(new CocoObject(gts.size() + 1, i + 1, c, new double[] {x, y, w, h}, null, w * h,
                        crowd, 0));
                boxes.add(new double[] {x, y, w, h});
                classes.add(c);
            }
            for (int d = 0; d < perImage; d++) {
                double[] b;
                int c;
                double score;
                if (d < 2 * objects && rnd.nextDouble() < 0.8) {
                    int o = d % objects;
                    double[] g = boxes.get(o);
                    double jitter = rnd.nextDouble() * 0.3;
                    b = new double[] {g[0] + g[2] * jitter * rnd.nextGaussian(), g[1] + g[3] * jitter * rnd.nextGaussian(),
                            g[2] * (1 + jitter * rnd.nextGaussian()), g[3] * (1 + jitter * rnd.nextGaussian())};
                    b[2] = Math.abs(b[2]);
                    b[3] = Math.abs(b[3]);
                    c = rnd.nextDouble() < 0.9 ? classes.get(o) : 1 + rnd.nextInt(CATEGORIES);
                    score = Math.min(1, Math.max(0, 1 - jitter * 2 + 0.2 * rnd.nextGaussian()));
                } else {
                    double w = Math.exp(Math.log(8) + rnd.nextDouble() * Math.log(50));
                    b = new double[] {rnd.nextDouble() * 600, rnd.nextDouble() * 440, w, w * (0.5 + rnd.nextDouble())};
                    c = 1 + rnd.nextInt(CATEGORIES);
                    score = rnd.nextDouble() * 0.6;
                }
                dts.add(new CocoObject(dts.size() + 1, i + 1, c, b, null, b[2] * b[3], false, score));
            }
        }
        return new CocoDataset(ids, cats, gts, dts);
    }
}
