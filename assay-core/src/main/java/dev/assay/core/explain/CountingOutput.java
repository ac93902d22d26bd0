package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link ModelOutput} that counts its calls and the rows it was asked for, for cost reports. */
public final class CountingOutput implements ModelOutput {
    private final ModelOutput output;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();

    public CountingOutput(ModelOutput output) {
        this.output = output;
    }

    @Override
    public double[] apply(Frame frame) {
        calls.incrementAndGet();
        rows.addAndGet(frame.rowCount());
        return output.apply(frame);
    }

    /** The number of calls so far. */
    public long calls() {
        return calls.get();
    }

    /** The number of rows predicted so far. */
    public long rows() {
        return rows.get();
    }
}
