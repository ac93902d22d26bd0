package dev.assay.core.load;

/** What a load test calls: one request, identified by its sequence number; a failure throws. */
@FunctionalInterface
public interface LoadTarget {
    /**
     * Sends request {@code sequence} and waits for its answer.
     *
     * @throws Exception when the request fails; its kind is told by the run's {@link FailureKinds}
     */
    void call(long sequence) throws Exception;
}
