package dev.assay.core.robustness;

import java.util.SplittableRandom;

/** A change of one image, drawing its random choices from the image's own stream. */
@FunctionalInterface
public interface ImageTransform {

    /**
     * Changes {@code planes} ({@code [channel][y·width + x]}) in place, or returns new planes.
     *
     * @param low the lowest value a pixel can take
     * @param high the highest value a pixel can take
     * @return the changed planes
     */
    double[][] apply(double[][] planes, int height, int width, double low, double high, SplittableRandom random);

    /** Every value plus {@code delta × (high − low)}. */
    static ImageTransform brightness(double delta) {
        return (planes, h, w, low, high, random) -> {
            for (double[] p : planes) {
                for (int i = 0; i < p.length; i++) {
                    p[i] += delta * (high - low);
                }
            }
            return planes;
        };
    }

    /** Each channel's values moved towards (factor below 1) or away from its mean m: {@code m + factor × (v − m)}. */
    static ImageTransform contrast(double factor) {
        return (planes, h, w, low, high, random) -> {
            for (double[] p : planes) {
                double mean = 0;
                for (double v : p) {
                    mean += v;
                }
                mean /= p.length;
                for (int i = 0; i < p.length; i++) {
                    p[i] = mean + factor * (p[i] - mean);
                }
            }
            return planes;
        };
    }

    /** Every value plus independent Gaussian noise of standard deviation {@code sigma × (high − low)}. */
    static ImageTransform noise(double sigma) {
        return (planes, h, w, low, high, random) -> {
            for (double[] p : planes) {
                for (int i = 0; i < p.length; i++) {
                    p[i] += sigma * (high - low) * Gaussian.next(random);
                }
            }
            return planes;
        };
    }

    /** Each channel blurred with a Gaussian of {@code sigma} pixels ({@link ImageOps#blur}). */
    static ImageTransform blur(double sigma) {
        return (planes, h, w, low, high, random) -> {
            double[][] out = new double[planes.length][];
            for (int c = 0; c < planes.length; c++) {
                out[c] = ImageOps.blur(planes[c], h, w, sigma);
            }
            return out;
        };
    }

    /**
     * The image rotated about its centre by an angle drawn uniformly from {@code [−degrees, degrees]}, corners filled
     * with {@code low} ({@link ImageOps#rotate}).
     */
    static ImageTransform rotation(double degrees) {
        return (planes, h, w, low, high, random) -> {
            double angle = degrees * (2 * random.nextDouble() - 1);
            double[][] out = new double[planes.length][];
            for (int c = 0; c < planes.length; c++) {
                out[c] = ImageOps.rotate(planes[c], h, w, angle, low);
            }
            return out;
        };
    }

    /**
     * A square of side {@code max(1, round(size × min(height, width)))} pixels, placed uniformly at random inside the
     * image, set to {@code fill} in every channel ({@code low} when fill is NaN).
     */
    static ImageTransform occlusion(double size, double fill) {
        return (planes, h, w, low, high, random) -> {
            int side = (int) Math.max(1, Math.min(Math.round(size * Math.min(h, w)), Math.min(h, w)));
            int top = random.nextInt(h - side + 1);
            int left = random.nextInt(w - side + 1);
            double value = Double.isNaN(fill) ? low : fill;
            for (double[] p : planes) {
                for (int y = top; y < top + side; y++) {
                    for (int x = left; x < left + side; x++) {
                        p[y * w + x] = value;
                    }
                }
            }
            return planes;
        };
    }
}
