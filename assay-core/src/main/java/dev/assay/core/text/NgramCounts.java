package dev.assay.core.text;

/**
 * Counts of word n-grams (orders 1 to 4) of one segment, each n-gram packed into a long of four 16-bit
 * token ids (ids from 1, 0 for absent), in an open-addressing table: BLEU's inner loop without boxing
 * or string keys.
 */
final class NgramCounts {
    /** The most distinct tokens a segment's vocabulary may hold for the packing. */
    static final int MAX_IDS = 65535;

    private long[] keys;
    private int[] counts;
    private int size;

    NgramCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
    }

    /** Counts every n-gram of {@code ids} up to order {@code maxOrder}. */
    static NgramCounts of(int[] ids, int maxOrder) {
        NgramCounts out = new NgramCounts(ids.length * maxOrder);
        for (int i = 0; i < ids.length; i++) {
            long key = 0;
            for (int n = 0; n < maxOrder && i + n < ids.length; n++) {
                key |= ((long) ids[i + n]) << (16 * n);
                out.add(key, 1);
            }
        }
        return out;
    }

    /** The order of a packed n-gram. */
    static int order(long key) {
        return (key >>> 48) != 0 ? 4 : (key >>> 32) != 0 ? 3 : (key >>> 16) != 0 ? 2 : 1;
    }

    void add(long key, int count) {
        int slot = find(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                slot = find(key);
            }
        }
        counts[slot] += count;
    }

    /** Keeps the larger count of {@code key}. */
    void max(long key, int count) {
        int slot = find(key);
        if (keys[slot] == 0) {
            add(key, count);
        } else if (counts[slot] < count) {
            counts[slot] = count;
        }
    }

    int get(long key) {
        int slot = find(key);
        return keys[slot] == 0 ? 0 : counts[slot];
    }

    long[] keys() {
        return keys;
    }

    int countAt(int slot) {
        return counts[slot];
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }
}
