package dev.assay.core.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** Builds small COCO cases by hand: boxes as [x, y, w, h], the area of a ground-truth box its w * h. */
final class Coco {
    private final TreeSet<Long> images = new TreeSet<>();
    private final List<CocoCategory> categories = new ArrayList<>();
    private final List<CocoObject> truth = new ArrayList<>();
    private final List<CocoObject> detections = new ArrayList<>();

    Coco categories(long... ids) {
        for (long id : ids) {
            categories.add(new CocoCategory(id, "c" + id));
        }
        return this;
    }

    Coco image(long id) {
        images.add(id);
        return this;
    }

    Coco gt(long image, long category, double x, double y, double w, double h) {
        return gt(image, category, x, y, w, h, false);
    }

    Coco gt(long image, long category, double x, double y, double w, double h, boolean crowd) {
        images.add(image);
        truth.add(new CocoObject(truth.size() + 1, image, category, new double[] {x, y, w, h}, null, w * h, crowd, 0));
        return this;
    }

    Coco dt(long image, long category, double score, double x, double y, double w, double h) {
        detections.add(new CocoObject(detections.size() + 1, image, category, new double[] {x, y, w, h}, null, w * h, false,
                score));
        return this;
    }

    CocoMetrics evaluate() {
        long[] ids = images.stream().mapToLong(Long::longValue).toArray();
        return CocoEvaluator.evaluate(new CocoDataset(ids, categories, truth, detections), IouType.BBOX);
    }

    static double value(CocoMetrics m, String id) {
        OptionalDouble v = m.summary().get(id);
        return v.isPresent() ? v.getAsDouble() : -1;
    }

    static Map<String, OptionalDouble> summary(CocoMetrics m) {
        return m.summary();
    }
}
