package dev.assay.models.http;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * The settings of an {@link HttpModel} that its {@link WireFormat} reads, copied from the builder
 * when the model is built. Nullable ones are taken from the server or defaulted by the format.
 *
 * @param name the name shown in messages and reports
 * @param uri the server's base address (Open Inference) or the endpoint (JSON)
 * @param modelName the model's name on the server (Open Inference)
 * @param requestTemplate the JSON request template; null for Open Inference
 * @param features the feature mapping, or null
 * @param task the task, or null
 * @param classes the class labels, or null
 * @param batchSize rows per request
 * @param deadline the longest time for one call
 * @param inputName the 2-D input tensor's name (Open Inference)
 * @param inputLayout how an Open Inference request carries the rows
 * @param tensorType the 2-D input tensor's data type
 * @param rowFormat how a JSON request writes a row
 * @param labelOutput the label output's name or JSON Pointer, or null
 * @param probabilityOutput the probability output's name or JSON Pointer, or null
 * @param valueOutput the value output's name or JSON Pointer, or null
 */
record HttpSettings(String name, URI uri, String modelName, String requestTemplate, FeatureMapping features, Task task,
        List<String> classes, int batchSize, Duration deadline, String inputName, HttpModel.InputLayout inputLayout,
        HttpModel.TensorType tensorType, HttpModel.RowFormat rowFormat, String labelOutput, String probabilityOutput,
        String valueOutput) {

    /** The task: as set, else a classifier when classes are known (binary for two), else regression. */
    Task taskOr(Task fromServer, List<String> knownClasses) {
        Task t = task != null ? task : fromServer;
        if (t != null) {
            return t;
        }
        return knownClasses == null ? Task.REGRESSION : knownClasses.size() == 2 ? Task.BINARY : Task.MULTICLASS;
    }

    /**
     * The class labels of a model of {@code task}: none for regression, else {@code known}.
     *
     * @throws InvalidInputException if a classifier's labels are unknown or fewer than two
     */
    List<String> classesFor(Task t, List<String> known) {
        if (t == Task.REGRESSION) {
            return List.of();
        }
        if (known == null || known.size() < 2) {
            throw new InvalidInputException("HTTP model '" + name + "' is a " + t.id() + " classifier but its class labels are "
                    + (known == null ? "unknown" : known + ", fewer than two") + ". Set them in the model settings, in the order "
                    + "of the probability output.");
        }
        if (new HashSet<>(known).size() != known.size()) {
            throw new InvalidInputException("HTTP model '" + name + "' lists a class twice: " + known + ". Give each class once, "
                    + "in the order of the probability output.");
        }
        return known;
    }
}
