package dev.assay.core.load;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import java.util.Objects;

/**
 * Loads a {@link Model} (in process, or a remote one through its adapter): request {@code i} predicts
 * a batch of {@code batchSize} consecutive payload rows starting at row {@code i * batchSize}, cycling
 * through the payload. A model that returns another number of rows than it was given fails the request.
 */
public final class ModelTarget implements LoadTarget {
    private final Model model;
    private final Frame[] batches;

    /** @throws IllegalArgumentException when the payload is empty or the batch size is below 1 */
    public ModelTarget(Model model, Frame payload, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        int rows = payload.rowCount();
        if (rows == 0) {
            throw new IllegalArgumentException("the payload " + payload.source() + " has no rows to send");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        int count = rows % batchSize == 0 ? rows / batchSize : rows;
        this.batches = new Frame[Math.min(count, 4096)];
        for (int b = 0; b < batches.length; b++) {
            int[] index = new int[batchSize];
            for (int j = 0; j < batchSize; j++) {
                index[j] = (int) (((long) b * batchSize + j) % rows);
            }
            batches[b] = payload.slice(index);
        }
    }

    @Override
    public void call(long sequence) {
        answer(sequence);
    }

    /** The predictions of request {@code sequence}, checked to have one row per row sent. */
    public Predictions answer(long sequence) {
        Frame batch = batches[batchOf(sequence)];
        Predictions p = model.predict(batch);
        if (p.rows() != batch.rowCount()) {
            throw new TruncatedAnswerException(batch.rowCount(), p.rows());
        }
        return p;
    }

    /** The number of distinct batches; request {@code i} sends batch {@code i % batchCount()}. */
    public int batchCount() {
        return batches.length;
    }

    /** Batch {@code b}, for {@code b} below {@link #batchCount()}. */
    public Frame batch(int b) {
        return batches[b];
    }

    /** The batch request {@code sequence} sends. */
    public int batchOf(long sequence) {
        return (int) (sequence % batches.length);
    }

    /** A model answered a batch with another number of rows. */
    public static final class TruncatedAnswerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedAnswerException(int sent, int answered) {
            super("sent " + sent + " rows, got " + answered + " predictions");
        }
    }
}
