package dev.assay.core.stats;

import java.util.Arrays;

/**
 * Sorts {@code double} arrays in ascending numeric order with a least-significant-digit radix sort
 * on order-preserving 64-bit keys (16-bit digits, passes whose digit is constant are skipped): a
 * few linear passes instead of the comparisons of {@link Arrays#sort(double[])}, which matters for
 * millions of scores. Small arrays use {@link Arrays#sort(double[])}. Values must not be NaN, and
 * {@code -0.0} must have been replaced by {@code 0.0}.
 */
public final class DoubleSort {
    private static final int RADIX_THRESHOLD = 1 << 15;
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = 64 / BITS;

    private DoubleSort() {
    }

    /** Sorts {@code values} in place. */
    public static void sort(double[] values) {
        int n = values.length;
        if (n < RADIX_THRESHOLD) {
            Arrays.sort(values);
            return;
        }
        long[] keys = new long[n];
        int[][] counts = keysAndCounts(values, keys);
        long[] buffer = new long[n];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            int shift = pass * BITS;
            if (!toOffsets(count, (int) ((keys[0] >>> shift) & 0xFFFF), n)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                buffer[count[(int) ((key >>> shift) & 0xFFFF)]++] = key;
            }
            long[] t = keys;
            keys = buffer;
            buffer = t;
        }
        for (int i = 0; i < n; i++) {
            values[i] = value(keys[i]);
        }
    }

    /**
     * Sorts {@code values} in place and applies the same permutation to {@code payload} (same
     * length), e.g. the weights of the values. Ties keep their relative order.
     */
    public static void sort(double[] values, double[] payload) {
        int n = values.length;
        if (payload.length != n) {
            throw new IllegalArgumentException(payload.length + " payload values for " + n + " values");
        }
        if (n < RADIX_THRESHOLD) {
            mergeSort(values, payload, values.clone(), payload.clone(), 0, n);
            return;
        }
        long[] keys = new long[n];
        int[][] counts = keysAndCounts(values, keys);
        long[] buffer = new long[n];
        double[] carried = payload.clone();
        double[] carriedBuffer = new double[n];
        for (int pass = 0; pass < PASSES && n > 0; pass++) {
            int[] count = counts[pass];
            int shift = pass * BITS;
            if (!toOffsets(count, (int) ((keys[0] >>> shift) & 0xFFFF), n)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                int at = count[(int) ((key >>> shift) & 0xFFFF)]++;
                buffer[at] = key;
                carriedBuffer[at] = carried[i];
            }
            long[] t = keys;
            keys = buffer;
            buffer = t;
            double[] u = carried;
            carried = carriedBuffer;
            carriedBuffer = u;
        }
        for (int i = 0; i < n; i++) {
            values[i] = value(keys[i]);
        }
        System.arraycopy(carried, 0, payload, 0, n);
    }

    /**
     * Fills {@code keys} with the order-preserving keys of {@code values} (sign bit flipped for
     * positives, all bits for negatives) and returns the digit counts of each pass.
     */
    private static int[][] keysAndCounts(double[] values, long[] keys) {
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = key;
            counts[0][(int) (key & 0xFFFF)]++;
            counts[1][(int) ((key >>> 16) & 0xFFFF)]++;
            counts[2][(int) ((key >>> 32) & 0xFFFF)]++;
            counts[3][(int) (key >>> 48)]++;
        }
        return counts;
    }

    /** The value of an order-preserving key (inverse of the mapping in {@link #keysAndCounts}). */
    private static double value(long key) {
        return Double.longBitsToDouble(key ^ (((~key) >> 63) | Long.MIN_VALUE));
    }

    /**
     * Turns a pass's digit counts into start offsets; returns false (leaving them) when every key has
     * the same digit {@code firstDigit}, so the pass would not move anything.
     */
    private static boolean toOffsets(int[] count, int firstDigit, int n) {
        if (count[firstDigit] == n) {
            return false;
        }
        int sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int c = count[b];
            count[b] = sum;
            sum += c;
        }
        return true;
    }

    /**
     * Stable top-down merge sort of {@code [from, to)}: on return {@code values} and {@code payload}
     * hold the sorted run; {@code valuesCopy} and {@code payloadCopy} start as copies of them.
     */
    private static void mergeSort(double[] values, double[] payload, double[] valuesCopy, double[] payloadCopy,
            int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(valuesCopy, payloadCopy, values, payload, from, mid);
        mergeSort(valuesCopy, payloadCopy, values, payload, mid, to);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && valuesCopy[i] <= valuesCopy[j]) {
                values[k] = valuesCopy[i];
                payload[k] = payloadCopy[i++];
            } else {
                values[k] = valuesCopy[j];
                payload[k] = payloadCopy[j++];
            }
        }
    }
}
