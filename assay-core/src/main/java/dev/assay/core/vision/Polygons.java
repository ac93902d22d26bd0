package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * COCO polygon segmentations rasterised as pycocotools does: each polygon by {@code rleFrPoly}
 * (common/maskApi.c lines 162-202: vertices scaled by 5 and rounded, the boundary walked densely, the
 * points where it crosses a pixel column's centre kept and their {@code y} rounded up), the parts of one
 * object united by {@code rleMerge} (lines 49-70, {@code intersect = 0}) as {@code COCO.annToRLE} does with
 * {@code frPyObjects} and {@code merge}.
 */
public final class Polygons {
    private static final double SCALE = 5;

    private Polygons() {
    }

    /** The union of {@code polygons} (each {@code [x1, y1, x2, y2, ...]}) on an image of {@code height x width}. */
    public static RleMask toMask(List<double[]> polygons, int height, int width) {
        if (polygons.isEmpty()) {
            throw new InvalidInputException("A polygon segmentation needs at least one polygon [x1, y1, x2, y2, x3, y3, ...].");
        }
        RleMask[] parts = new RleMask[polygons.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = rasterise(polygons.get(i), height, width);
        }
        return RleMask.union(parts);
    }

    /** One polygon as pycocotools {@code rleFrPoly} encodes it. */
    public static RleMask rasterise(double[] xy, int height, int width) {
        if (xy.length < 6 || xy.length % 2 != 0) {
            throw new InvalidInputException("A polygon needs an even number of coordinates [x1, y1, x2, y2, ...] for at least "
                    + "3 points, found " + xy.length + " numbers.");
        }
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("Polygons are drawn on the image, whose height and width must be positive; found "
                    + height + "x" + width + ".");
        }
        int k = xy.length / 2;
        // lines 165-169: vertices upsampled by 5 and rounded half up, the polygon closed
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[2 * j] + .5);
            y[j] = (int) (SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        int m = 0;
        for (int j = 0; j < k; j++) {
            m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
        }
        int[] u = new int[m];
        int[] v = new int[m];
        m = 0;
        // lines 170-181: every integer step along the longer axis of each edge, the other axis rounded
        for (int j = 0; j < k; j++) {
            int xs = x[j];
            int xe = x[j + 1];
            int ys = y[j];
            int ye = y[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        // lines 182-191: where x crosses a pixel centre, the pixel column and the first row inside
        long[] a = new long[m + 1];
        int n = 0;
        for (int j = 1; j < m; j++) {
            if (u[j] != u[j - 1]) {
                double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
                xd = (xd + .5) / SCALE - .5;
                if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
                    continue;
                }
                double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
                yd = (yd + .5) / SCALE - .5;
                yd = Math.ceil(yd < 0 ? 0 : yd > height ? height : yd);
                a[n++] = (long) xd * height + (long) yd;
            }
        }
        // lines 192-201: sorted boundary positions become alternating runs, empty runs folded away
        a[n++] = (long) height * width;
        a = Arrays.copyOf(a, n);
        Arrays.sort(a);
        long p = 0;
        for (int j = 0; j < n; j++) {
            long t = a[j];
            a[j] -= p;
            p = t;
        }
        long[] b = new long[n];
        int j = 0;
        int r = 0;
        b[r++] = a[j++];
        while (j < n) {
            if (a[j] > 0) {
                b[r++] = a[j++];
            } else {
                j++;
                if (j < n) {
                    b[r - 1] += a[j++];
                }
            }
        }
        return new RleMask(height, width, Arrays.copyOf(b, r));
    }
}
