package dev.assay.core.profile;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/** The HLL settings profiles share, and the union of two distinct-count sketches. */
final class Hll {
    /** log2 of the register count: relative standard error {@code 1.04 / sqrt(4096)} = 1.6%. */
    static final int LG_K = 12;

    private Hll() {
    }

    static HllSketch empty() {
        return new HllSketch(LG_K);
    }

    /** A new sketch of the union of {@code a} and {@code b}. */
    static HllSketch union(HllSketch a, HllSketch b) {
        Union union = new Union(LG_K);
        union.update(a);
        union.update(b);
        return union.getResult();
    }
}
