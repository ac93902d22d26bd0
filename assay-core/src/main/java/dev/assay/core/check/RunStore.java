package dev.assay.core.check;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Values computed once per run and shared by every check (one evaluation of the predictions, one
 * sort of the scores), in the spirit of JUnit's {@code ExtensionContext.Store}: entries live in a
 * {@link Namespace} so that kinds of check never collide, and reads are typed. When several checks
 * ask for the same value at once, one computes it and the others wait for it. A failed computation
 * is remembered too: every caller gets the same exception. Thread-safe.
 */
public final class RunStore {
    private final ConcurrentMap<Entry, FutureTask<Object>> values = new ConcurrentHashMap<>();

    /**
     * Where a family of values lives, e.g. {@code Namespace.of(Evaluator.class)}; the parts are
     * compared with {@code equals}.
     *
     * @param parts what the namespace is made of, usually the owning class first
     */
    public record Namespace(List<Object> parts) {
        public Namespace {
            parts = List.copyOf(parts);
        }

        /** A namespace of {@code parts}. */
        public static Namespace of(Object... parts) {
            return new Namespace(Arrays.asList(parts));
        }
    }

    private record Entry(Namespace namespace, Object key) {
    }

    /** The entries of one namespace. */
    public final class Store {
        private final Namespace namespace;

        private Store(Namespace namespace) {
            this.namespace = namespace;
        }

        /**
         * The value under {@code key}, computed by {@code compute} by the first caller of the run.
         * The key must identify everything the value depends on (the data set, the settings).
         *
         * @throws IllegalStateException when the stored value is not a {@code type}, which means two
         *     callers use one key for different things
         */
        public <T> T getOrCompute(Object key, Class<T> type, Supplier<? extends T> compute) {
            FutureTask<Object> task = new FutureTask<>(compute::get);
            FutureTask<Object> existing = values.putIfAbsent(new Entry(namespace, key), task);
            if (existing == null) {
                existing = task;
                task.run();
            }
            Object value = await(existing);
            if (value != null && !type.isInstance(value)) {
                throw new IllegalStateException("the run store holds a " + value.getClass().getName() + " under " + key
                        + " in " + namespace + ", not a " + type.getName() + "; two callers share a key for different values");
            }
            return type.cast(value);
        }
    }

    /** The entries of {@code namespace}. */
    public Store in(Namespace namespace) {
        return new Store(namespace);
    }

    private static Object await(FutureTask<Object> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a shared value", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
