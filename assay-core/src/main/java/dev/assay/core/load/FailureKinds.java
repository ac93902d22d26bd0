package dev.assay.core.load;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Names the kind of a failed request for the error counts, e.g. {@code timeout}, {@code http_503}. */
@FunctionalInterface
public interface FailureKinds {
    /** The kind of {@code failure}, a short identifier. */
    String kindOf(Throwable failure);

    /** Timeouts and refused connections found anywhere in the cause chain; else the exception's simple class name. */
    FailureKinds DEFAULT = failure -> {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (c instanceof ConnectException) {
                return "connection_refused";
            }
        }
        return failure.getClass().getSimpleName();
    };
}
