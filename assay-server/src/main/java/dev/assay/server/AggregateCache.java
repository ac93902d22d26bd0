package dev.assay.server;

import dev.assay.core.monitor.WindowAggregate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded window aggregates of recent windows with the revision they were stored under, so a batch merges into
 * the aggregate in memory instead of decoding the stored bytes again. An entry is only a hint: the writer takes
 * it out ({@link #take}) under the model's lock, uses it only when its revision equals the stored one (a random
 * stamp drawn anew by every write, so another process's write never matches) and puts it back with the new
 * revision once it wrote the bytes; after a failed transaction the model's entries are dropped ({@link #forget}). The least recently used entries beyond the capacity are
 * dropped.
 */
final class AggregateCache {
    /** A decoded aggregate and the revision of the stored bytes it equals. */
    record Entry(long revision, WindowAggregate aggregate) {
    }

    private final Map<String, Entry> entries;

    AggregateCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Removes and returns the entry of the window, null when none is kept. */
    synchronized Entry take(String model, String version, long startMillis) {
        return entries.remove(key(model, version, startMillis));
    }

    /** Keeps {@code aggregate} as the decoded form of the window's bytes at {@code revision}. */
    synchronized void put(String model, long revision, WindowAggregate aggregate) {
        entries.put(key(model, aggregate.version(), aggregate.start().toEpochMilli()), new Entry(revision, aggregate));
    }

    /** Drops every entry of {@code model}. */
    synchronized void forget(String model) {
        entries.keySet().removeIf(k -> k.startsWith(model + "\u0000"));
    }

    private static String key(String model, String version, long startMillis) {
        return model + "\u0000" + version + "\u0000" + startMillis;
    }
}
