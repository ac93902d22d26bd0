package dev.assay.core.robustness;

/**
 * Operations on one channel of an image, a {@code height × width} plane in row-major order. Each returns a new plane.
 */
public final class ImageOps {

    private ImageOps() {
    }

    /**
     * Gaussian blur: the plane convolved along rows, then columns, with the normalised kernel
     * {@code exp(−k² / (2σ²))}, {@code |k| ≤ ⌊4σ + 0.5⌋}, the border extended by reflection about the edge
     * ({@code d c b a | a b c d | d c b a}). Matches {@code scipy.ndimage.gaussian_filter(plane, sigma,
     * mode="reflect", truncate=4.0)}.
     */
    public static double[] blur(double[] plane, int height, int width, double sigma) {
        if (!(sigma > 0)) {
            return plane.clone();
        }
        int radius = (int) (4.0 * sigma + 0.5);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        double[] rows = new double[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * plane[reflect(y + k, height) * width + x];
                }
                rows[y * width + x] = v;
            }
        }
        double[] out = new double[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * rows[y * width + reflect(x + k, width)];
                }
                out[y * width + x] = v;
            }
        }
        return out;
    }

    /** Index {@code i} reflected into {@code [0, n)} about the edges: −1 → 0, n → n − 1 (SciPy's {@code reflect}). */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int j = Math.floorMod(i, period);
        return j < n ? j : period - 1 - j;
    }

    /**
     * Rotation by {@code degrees} about the plane's centre {@code ((h − 1)/2, (w − 1)/2)}, keeping its size: output pixel
     * {@code (r, c)} takes the bilinear interpolation of the input at {@code (cos·(r − r0) + sin·(c − c0) + r0,
     * −sin·(r − r0) + cos·(c − c0) + c0)}, and {@code fill} where that point lies outside the input. Matches
     * {@code scipy.ndimage.rotate(plane, degrees, reshape=False, order=1, mode="constant", cval=fill)}.
     */
    public static double[] rotate(double[] plane, int height, int width, double degrees, double fill) {
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double r0 = (height - 1) / 2.0;
        double c0 = (width - 1) / 2.0;
        double[] out = new double[plane.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double y = cos * (r - r0) + sin * (c - c0) + r0;
                double x = -sin * (r - r0) + cos * (c - c0) + c0;
                out[r * width + c] = bilinear(plane, height, width, y, x, fill);
            }
        }
        return out;
    }

    private static double bilinear(double[] plane, int height, int width, double y, double x, double fill) {
        if (y < 0 || y > height - 1 || x < 0 || x > width - 1) {
            return fill;
        }
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        int y1 = Math.min(y0 + 1, height - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double dy = y - y0;
        double dx = x - x0;
        double top = plane[y0 * width + x0] * (1 - dx) + plane[y0 * width + x1] * dx;
        double bottom = plane[y1 * width + x0] * (1 - dx) + plane[y1 * width + x1] * dx;
        return top * (1 - dy) + bottom * dy;
    }
}
