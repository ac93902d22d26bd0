package dev.assay.core.stats;

/**
 * A mergeable statistic: add data in batches, merge another partial built over other rows, read
 * the result. Merging partials built over a split of the rows gives the same result as adding all
 * rows to one accumulator, so one implementation serves arrays, streams and partitioned data.
 *
 * <p>Accumulators are mutable and not thread-safe; build one per thread and merge.
 *
 * @param <A> the accumulator's own type
 * @param <R> the immutable result
 */
public interface Accumulator<A extends Accumulator<A, R>, R> {

    /** Adds everything {@code other} has seen to this accumulator; {@code other} is left unchanged. */
    void merge(A other);

    /** An immutable snapshot of the statistic over everything added so far. */
    R result();
}
