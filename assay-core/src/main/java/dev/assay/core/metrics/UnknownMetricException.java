package dev.assay.core.metrics;

import dev.assay.core.error.InvalidInputException;
import java.util.List;

/** A metric id that does not exist for the task; the message lists the ids that do. */
public final class UnknownMetricException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownMetricException(String id, Task task, List<String> known) {
        super("Unknown metric '" + id + "' for a " + task.id() + " task. Known " + task.id() + " metrics: "
                + String.join(", ", known) + ".");
    }
}
