package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.util.concurrent.locks.LockSupport;

/**
 * A model that answers after a fixed delay and, for {@code stallNanos} in every {@code periodNanos}
 * (starting half a period after creation), holds every call until the stall is over, as a server
 * pausing for garbage collection would.
 */
final class DelayingModel implements Model {
    private final Model model;
    private final long delayNanos;
    private final long periodNanos;
    private final long stallNanos;
    private final long epoch = System.nanoTime();

    DelayingModel(Model model, long delayMillis, long periodMillis, long stallMillis) {
        this.model = model;
        this.delayNanos = delayMillis * 1_000_000;
        this.periodNanos = periodMillis * 1_000_000;
        this.stallNanos = stallMillis * 1_000_000;
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public Predictions predict(Frame features) {
        long now = System.nanoTime();
        if (stallNanos > 0) {
            long phase = (now - epoch) % periodNanos - periodNanos / 2;
            if (phase >= 0 && phase < stallNanos) {
                sleep(stallNanos - phase);
            }
        }
        Predictions p = model.predict(features);
        sleep(delayNanos - (System.nanoTime() - now));
        return p;
    }

    private static void sleep(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
