package dev.assay.models.http;

import dev.assay.core.load.FailureKinds;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the failures of an {@link HttpModel} under load from its messages: {@code http_NNN} for an
 * HTTP status, {@code timeout}, {@code connection_refused}, else {@link FailureKinds#DEFAULT}.
 */
public final class HttpFailureKinds implements FailureKinds {
    private static final Pattern STATUS = Pattern.compile("answered HTTP (\\d{3})");

    @Override
    public String kindOf(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return "http_" + status.group(1);
        }
        if (message.contains("did not answer within")) {
            return "timeout";
        }
        if (message.contains("could not be reached")) {
            return "connection_refused";
        }
        return DEFAULT.kindOf(failure);
    }
}
