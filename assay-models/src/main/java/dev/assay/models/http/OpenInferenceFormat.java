package dev.assay.models.http;

import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Open Inference Protocol v2 as a {@link WireFormat}: each batch is a
 * {@code POST {base}/v2/models/{name}/infer} written by {@link OpenInferenceCodec}, in the
 * {@link HttpModel.InputLayout} chosen; outputs are found by name. {@link #connect} reads the
 * model's metadata first, for the report and for what the settings leave open (feature mapping,
 * task, classes).
 */
final class OpenInferenceFormat implements WireFormat {
    private final ModelInfo info;
    private final URI target;
    private final HttpSettings settings;
    private final String label;
    private final String probabilities;
    private final String value;
    private final PredictionDecoder decoder;

    private OpenInferenceFormat(ModelInfo info, URI target, HttpSettings settings, String label, String probabilities,
            String value) {
        this.info = info;
        this.target = target;
        this.settings = settings;
        this.label = label;
        this.probabilities = probabilities;
        this.value = value;
        this.decoder = new PredictionDecoder(info);
    }

    /**
     * Reads {@code GET {base}/v2/models/{name}} and returns the format for that model.
     *
     * @throws InvalidInputException if the metadata cannot be read, or the feature mapping or the
     *     classes of a classifier are neither configured nor published
     */
    static OpenInferenceFormat connect(HttpSettings s, HttpTransport transport) {
        String base = s.uri().toString().replaceAll("/+$", "");
        String path = base + "/v2/models/" + URLEncoder.encode(s.modelName(), StandardCharsets.UTF_8).replace("+", "%20");
        URI metadataUri = URI.create(path);
        ModelMetadata meta = ModelMetadata.read(transport.get(metadataUri, transport.deadlineFromNow()), s.name(), metadataUri);
        FeatureMapping mapping = s.features() != null ? s.features() : meta.features();
        if (mapping == null) {
            throw new InvalidInputException("HTTP model '" + s.name() + "' needs a feature mapping: which frame columns feed its "
                    + "inputs, in order. The server's metadata at " + metadataUri + " does not publish one (parameter "
                    + ModelMetadata.FEATURES_PARAMETER + "), so configure it.");
        }
        List<String> known = s.classes() != null ? s.classes() : meta.classes();
        Task task = s.taskOr(meta.task(), known);
        List<String> classes = s.classesFor(task, known);
        boolean regression = task == Task.REGRESSION;
        String proba = s.probabilityOutput() != null ? s.probabilityOutput() : OpenInferenceCodec.PROBABILITIES;
        boolean hasProbabilities = !regression && (s.probabilityOutput() != null || meta.outputNames().contains(proba));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("endpoint", path);
        metadata.put("protocol", "open-inference-v2");
        metadata.put("server_model_name", meta.name());
        if (meta.versions() != null) {
            metadata.put("server_model_versions", meta.versions());
        }
        if (meta.platform() != null) {
            metadata.put("server_platform", meta.platform());
        }
        metadata.put("server_inputs", meta.inputs());
        metadata.put("server_outputs", meta.outputs());
        metadata.put("input_layout", s.inputLayout().name().toLowerCase(Locale.ROOT));
        ModelInfo info = new ModelInfo(s.name(), "http", task, classes, mapping,
                new ModelCapabilities(hasProbabilities, false, true, s.batchSize()), metadata);
        return new OpenInferenceFormat(info, URI.create(path + "/infer"), s,
                regression ? null : s.labelOutput() != null ? s.labelOutput() : OpenInferenceCodec.LABEL,
                regression ? null : proba,
                regression ? s.valueOutput() != null ? s.valueOutput() : OpenInferenceCodec.VALUE : null);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public URI target() {
        return target;
    }

    @Override
    public byte[] encode(Frame frame, FeatureMapping.Bound bound, int from, int to, double[] scratch) {
        if (settings.inputLayout() == HttpModel.InputLayout.COLUMNS) {
            return OpenInferenceCodec.columnsRequest(frame, info.features().features(), from, to);
        }
        bound.fill(from, to, scratch);
        return OpenInferenceCodec.tensorRequest(settings.inputName(), scratch, to - from, bound.width(),
                settings.tensorType() == HttpModel.TensorType.FP32);
    }

    @Override
    public Predictions decode(byte[] answer, int firstRow, int rows, Function<String, RuntimeException> malformed) {
        Map<String, Tensor> outputs = OpenInferenceCodec.readOutputs(answer, malformed);
        Tensor l = label == null ? null : outputs.get(label);
        Tensor p = probabilities == null ? null : outputs.get(probabilities);
        Tensor v = value == null ? null : outputs.get(value);
        if (info.task() == Task.REGRESSION ? v == null : l == null && p == null) {
            List<String> wanted = new ArrayList<>();
            for (String name : info.task() == Task.REGRESSION ? new String[] {value} : new String[] {label, probabilities}) {
                wanted.add("'" + name + "'");
            }
            throw malformed.apply("it has the outputs " + Excerpt.of(outputs.keySet().toString()) + " but none named " + String.join(" or ", wanted)
                    + "; set the output names to the ones the server returns");
        }
        return decoder.decode(l, p, v, firstRow, rows, malformed);
    }
}
