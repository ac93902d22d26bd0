package dev.assay.core.check;

import dev.assay.core.data.Dataset;
import dev.assay.core.model.Model;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What a check runs against: the current data set, an optional reference data set (training data,
 * the previous release), the model when the suite names one, and a cache shared by all checks of a run so that sufficient statistics
 * (a confusion matrix, one sort of the scores) are computed once. Thread-safe.
 */
public final class CheckContext {
    private final Dataset current;
    private final Dataset reference;
    private final Model model;
    private final ConcurrentMap<Object, FutureTask<Object>> memo = new ConcurrentHashMap<>();

    /**
     * @param current the data under test
     * @param reference the data to compare with; may be null
     */
    public CheckContext(Dataset current, Dataset reference) {
        this(current, reference, null);
    }

    /**
     * @param current the data under test
     * @param reference the data to compare with; may be null
     * @param model the model under test, for checks that call it; may be null. Its predictions are
     *     already columns of the data sets (see {@link dev.assay.core.model.PredictionColumns}).
     */
    public CheckContext(Dataset current, Dataset reference, Model model) {
        this.current = Objects.requireNonNull(current, "current");
        this.reference = reference;
        this.model = model;
    }

    /** The data under test. */
    public Dataset current() {
        return current;
    }

    /** The data to compare with, when the suite has one. */
    public Optional<Dataset> reference() {
        return Optional.ofNullable(reference);
    }

    /** The model under test, when the suite names one. */
    public Optional<Model> model() {
        return Optional.ofNullable(model);
    }

    /**
     * The value cached under {@code key}, computed once by {@code compute} for the whole run. Keys must
     * identify everything the value depends on (the data set and the settings).
     */
    @SuppressWarnings("unchecked")
    public <T> T memoize(Object key, Supplier<T> compute) {
        FutureTask<Object> task = new FutureTask<>(compute::get);
        FutureTask<Object> existing = memo.putIfAbsent(key, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return (T) existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + key, e);
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
