package dev.assay.core.robustness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A perturbation of images: the target columns, in the order given, are the values of one image per row laid out as
 * {@link ImageShape} says. Image i is changed by the {@link ImageTransform} with the i-th stream split in turn from
 * {@code new SplittableRandom(seed)}, then every value is clipped to the pixel range (by default the smallest and
 * largest clean value of all the image's columns) and passed through the target's constraints (whole-number columns
 * stay whole). An image with a missing value is left as it is.
 */
public final class ImagePerturbation implements Perturbation {
    private final String name;
    private final Map<String, String> settings;
    private final ImageShape shape;
    private final Bounds range;
    private final ImageTransform transform;

    /**
     * @param settings the transform's own settings, for reports
     * @param range the values a pixel can take, or null for the clean data's range
     */
    public ImagePerturbation(String name, Map<String, String> settings, ImageShape shape, Bounds range, ImageTransform transform) {
        this.name = name;
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("image_shape", shape.toString());
        all.put("pixel_range", range == null ? "clean data's range" : range.toString());
        this.settings = Map.copyOf(all);
        this.shape = shape;
        this.range = range;
        this.transform = transform;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * @throws InvalidInputException when the target's columns are not {@code height × width × channels} numeric
     *     columns (an immutable pixel or a one-hot group included)
     */
    @Override
    public Frame apply(Frame rows, PerturbationTarget target, long seed) {
        double[][] values = pixels(rows, target);
        int n = rows.rowCount();
        Bounds bounds = range != null ? range : observedRange(values);
        int h = shape.height();
        int w = shape.width();
        SplittableRandom root = new SplittableRandom(seed);
        double[][] planes = new double[shape.channels()][h * w];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = root.split();
            if (!read(values, i, planes)) {
                continue;
            }
            double[][] changed = transform.apply(planes, h, w, bounds.lower(), bounds.upper(), random);
            List<String> columns = target.columns();
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int k = shape.index(y, x, c);
                        values[k][i] = target.constrain(columns.get(k), bounds.clip(changed[c][y * w + x]));
                    }
                }
            }
        }
        Frame out = rows;
        for (int k = 0; k < values.length; k++) {
            out = out.withColumn(NumericColumn.wrap(target.columns().get(k), values[k]));
        }
        return out;
    }

    /** Image i's values into {@code planes}; false when one is missing. */
    private boolean read(double[][] values, int i, double[][] planes) {
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    double v = values[shape.index(y, x, c)][i];
                    if (Double.isNaN(v)) {
                        return false;
                    }
                    planes[c][y * shape.width() + x] = v;
                }
            }
        }
        return true;
    }

    private double[][] pixels(Frame rows, PerturbationTarget target) {
        List<String> columns = target.columns();
        if (!target.oneHotGroups().isEmpty() || columns.size() != shape.size()) {
            throw new InvalidInputException("Image perturbation " + name + " changes images of " + shape.height() + "x"
                    + shape.width() + "x" + shape.channels() + " = " + shape.size() + " values, one column each in tensor order, "
                    + "but it was given " + columns.size() + " columns" + (target.oneHotGroups().isEmpty() ? "" : " and one-hot "
                    + "groups") + ". List the image's columns in `columns` (no immutable or one-hot ones) or correct image_shape.");
        }
        double[][] out = new double[columns.size()][];
        for (int k = 0; k < out.length; k++) {
            Column c = rows.column(columns.get(k));
            if (!(c instanceof NumericColumn numeric)) {
                throw new InvalidInputException("Column '" + Excerpt.of(c.name()) + "' is " + c.type().id() + ", but image "
                        + "perturbation " + name + " changes pixel values, which are numbers. Leave it out of `columns`.");
            }
            out[k] = numeric.toArray();
        }
        return out;
    }

    private Bounds observedRange(double[][] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] column : values) {
            for (double v : column) {
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            throw new InvalidInputException("Image perturbation " + name + " found no pixel values: every value of the image "
                    + "columns is missing.");
        }
        return new Bounds(low, high);
    }
}
