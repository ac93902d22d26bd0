package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * A binary mask of {@code height x width} pixels as COCO run-length encoding: pixels in column-major
 * order, {@code counts} alternating runs of 0s and 1s starting with 0s (pycocotools common/maskApi.c).
 * Compressed counts strings are read and written as {@code rleFrString}/{@code rleToString} do.
 */
public final class RleMask {
    private final int height;
    private final int width;
    private final long[] counts;

    /** A mask from uncompressed counts; their sum must be {@code height * width}. */
    public RleMask(int height, int width, long[] counts) {
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new InvalidInputException("RLE counts must not be negative, found " + c + ".");
            }
            total += c;
        }
        if (height < 0 || width < 0 || total != (long) height * width) {
            throw new InvalidInputException("RLE counts add up to " + total + " pixels but the mask has size " + height + "x"
                    + width + " = " + (long) height * width + "; give 'size' as [height, width] of the image.");
        }
        this.height = height;
        this.width = width;
        this.counts = counts.clone();
    }

    /** A mask from a row-major {@code height x width} array of pixels ({@code true} = inside). */
    public static RleMask fromDense(boolean[] rowMajor, int height, int width) {
        if (rowMajor.length != height * width) {
            throw new InvalidInputException("A dense mask of " + height + "x" + width + " needs " + height * width
                    + " pixels, found " + rowMajor.length + ".");
        }
        long[] runs = new long[height * width + 1];
        int m = 0;
        boolean value = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean p = rowMajor[y * width + x];
                if (p != value) {
                    runs[m++] = run;
                    run = 0;
                    value = p;
                }
                run++;
            }
        }
        runs[m++] = run;
        return new RleMask(height, width, Arrays.copyOf(runs, m));
    }

    /** Decodes a compressed COCO counts string (pycocotools {@code rleFrString}). */
    public static RleMask fromCompressed(int height, int width, String s) {
        long[] cnts = new long[s.length()];
        int m = 0;
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw new InvalidInputException("The compressed RLE counts string ends in the middle of a number; "
                            + "give 'counts' exactly as pycocotools' mask.encode wrote it.");
                }
                int c = s.charAt(p) - 48;
                x |= (long) (c & 0x1f) << 5 * k;
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << 5 * k;
                }
            }
            if (m > 2) {
                x += cnts[m - 2];
            }
            cnts[m++] = x;
        }
        return new RleMask(height, width, Arrays.copyOf(cnts, m));
    }

    /** The compressed COCO counts string (pycocotools {@code rleToString}). */
    public String toCompressed() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Number of pixels inside the mask (pycocotools {@code rleArea}). */
    public long area() {
        long a = 0;
        for (int j = 1; j < counts.length; j += 2) {
            a += counts[j];
        }
        return a;
    }

    /** Pixels inside both masks, walking the runs of both as pycocotools {@code rleIou}. */
    public long intersection(RleMask other) {
        requireSameSize(other);
        long inter = 0;
        int a = 0;
        int b = 0;
        long ca = counts.length > 0 ? counts[0] : 0;
        long cb = other.counts.length > 0 ? other.counts[0] : 0;
        boolean va = false;
        boolean vb = false;
        long left = (long) height * width;
        while (left > 0) {
            while (ca == 0) {
                ca = counts[++a];
                va = !va;
            }
            while (cb == 0) {
                cb = other.counts[++b];
                vb = !vb;
            }
            long c = Math.min(ca, cb);
            if (va && vb) {
                inter += c;
            }
            ca -= c;
            cb -= c;
            left -= c;
        }
        return inter;
    }

    /** IoU of this detection mask with ground truth {@code gt}; against a crowd the union is this mask's area. */
    public double iou(RleMask gt, boolean gtIsCrowd) {
        long i = intersection(gt);
        if (i == 0) {
            return 0;
        }
        long u = gtIsCrowd ? area() : area() + gt.area() - i;
        return (double) i / (double) u;
    }

    /**
     * The union of masks of one size, as pycocotools {@code rleMerge} with {@code intersect = 0}
     * (common/maskApi.c lines 49-70): both masks' runs walked together, a run closed where the union changes.
     */
    public static RleMask union(RleMask... masks) {
        RleMask acc = masks[0];
        for (int i = 1; i < masks.length; i++) {
            acc.requireSameSize(masks[i]);
            acc = acc.unite(masks[i]);
        }
        return acc;
    }

    private RleMask unite(RleMask other) {
        if (counts.length == 0 || other.counts.length == 0) {
            return this;
        }
        long[] out = new long[counts.length + other.counts.length + 1];
        int m = 0;
        int a = 1;
        int b = 1;
        long ca = counts[0];
        long cb = other.counts[0];
        boolean va = false;
        boolean vb = false;
        boolean v = false;
        long cc = 0;
        long ct = 1;
        while (ct > 0) {
            long c = Math.min(ca, cb);
            cc += c;
            ct = 0;
            ca -= c;
            if (ca == 0 && a < counts.length) {
                ca = counts[a++];
                va = !va;
            }
            ct += ca;
            cb -= c;
            if (cb == 0 && b < other.counts.length) {
                cb = other.counts[b++];
                vb = !vb;
            }
            ct += cb;
            boolean vp = v;
            v = va || vb;
            if (v != vp || ct == 0) {
                out[m++] = cc;
                cc = 0;
            }
        }
        return new RleMask(height, width, Arrays.copyOf(out, m));
    }

    /** Dice coefficient {@code 2|A ∩ B| / (|A| + |B|)}; 1 for two empty masks. */
    public double dice(RleMask other) {
        long sum = area() + other.area();
        return sum == 0 ? 1 : 2.0 * intersection(other) / sum;
    }

    private void requireSameSize(RleMask other) {
        if (height != other.height || width != other.width) {
            throw new InvalidInputException("Masks of different sizes cannot be compared: " + height + "x" + width + " and "
                    + other.height + "x" + other.width + "; encode both at the size of their image.");
        }
    }
}
