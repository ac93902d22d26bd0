package dev.assay.models.http;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when a test moves it or when something sleeps on it; it records the sleeps. */
final class ManualTicker implements Ticker {
    private long now;
    private final long stepPerRead;
    private final List<Long> sleeps = new ArrayList<>();

    /** A clock that stands still until moved. */
    ManualTicker() {
        this(0);
    }

    /** A clock that moves {@code stepPerRead} nanoseconds each time it is read. */
    ManualTicker(long stepPerRead) {
        this.stepPerRead = stepPerRead;
    }

    @Override
    public synchronized long nanoTime() {
        long t = now;
        now += stepPerRead;
        return t;
    }

    @Override
    public synchronized void sleep(long nanos) {
        sleeps.add(nanos);
        now += nanos;
    }

    synchronized void advance(long nanos) {
        now += nanos;
    }

    synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
