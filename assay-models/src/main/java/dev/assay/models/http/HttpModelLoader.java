package dev.assay.models.http;

import dev.assay.core.error.Choices;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoader;
import dev.assay.core.model.ModelSource;
import dev.assay.models.FeatureMappingJson;
import dev.assay.models.ModelFile;
import dev.assay.models.ModelOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads models behind {@code http://} and {@code https://} URLs. Options:
 * {@code name} (the served model's name; required for Open Inference), {@code protocol}
 * ({@code v2}, the default, or {@code json}), {@code template} (JSON mode request template with
 * {@code "$rows"}), {@code features} (comma-separated numeric columns) or {@code features_file} (a
 * feature-mapping JSON file; Open Inference servers run by Assay publish theirs, so neither is
 * needed), {@code classes} (comma-separated; the model source's classes serve as well), {@code task}, {@code batch_size},
 * {@code timeout_seconds}, {@code token_env} (the name of the environment variable holding a bearer
 * token), {@code ca_file} (a PEM file of certificates to trust), {@code input_layout}
 * ({@code tensor} or {@code columns}), {@code max_attempts} (tries per request, 3 by default; 1 for load tests).
 */
public final class HttpModelLoader implements ModelLoader {
    private static final Set<String> OPTIONS = Set.of("name", "protocol", "template", "features", "features_file", "classes",
            "task", "batch_size", "timeout_seconds", "max_attempts", "token_env", "ca_file", "input_layout");

    @Override
    public String type() {
        return "http";
    }

    @Override
    public boolean recognizes(ModelSource source) {
        String l = source.location().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    @Override
    public Model load(ModelSource source) {
        ModelOptions o = new ModelOptions(source, OPTIONS);
        URI uri = ModelUrl.parse(source.location());
        String protocol = o.text("protocol", "v2").toLowerCase(Locale.ROOT);
        HttpModel.Builder b = switch (protocol) {
            case "v2" -> {
                String name = o.text("name", null);
                if (name == null) {
                    throw new InvalidInputException("Model " + source.location() + ": an Open Inference (v2) server serves models "
                            + "by name; give the option 'name' (the model name in /v2/models/{name}).");
                }
                yield HttpModel.openInference(uri, name);
            }
            case "json" -> HttpModel.json(uri, o.text("template", "{\"instances\": \"" + HttpModel.ROWS_PLACEHOLDER + "\"}"));
            default -> throw new InvalidInputException("Option 'protocol' of model " + source.location() + " is '" + protocol
                    + "'; use v2 (Open Inference Protocol) or json.");
        };
        String columns = o.text("features", null);
        String file = o.text("features_file", null);
        if (columns != null && file != null) {
            throw new InvalidInputException("Model " + source.location() + ": give either 'features' or 'features_file', not both.");
        }
        if (columns != null) {
            b.features(FeatureMapping.numeric(split(columns)));
        } else if (file != null) {
            b.features(readMapping(Path.of(file)));
        }
        String classes = o.text("classes", null);
        if (classes != null) {
            b.classes(split(classes));
        } else if (!source.classes().isEmpty()) {
            b.classes(source.classes());
        }
        String task = o.text("task", null);
        if (task != null) {
            b.task(enumOption(source, "task", task, Task.class));
        }
        String layout = o.text("input_layout", null);
        if (layout != null) {
            b.inputLayout(enumOption(source, "input_layout", layout, HttpModel.InputLayout.class));
        }
        b.batchSize(o.positiveInt("batch_size", 256));
        b.requestTimeout(Duration.ofSeconds(o.positiveInt("timeout_seconds", 30)));
        b.maxAttempts(o.positiveInt("max_attempts", 3));
        String token = o.text("token_env", null);
        if (token != null) {
            b.bearerTokenVariable(token);
        }
        String ca = o.text("ca_file", null);
        if (ca != null) {
            b.trustCertificates(Path.of(ca));
        }
        return b.build();
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static FeatureMapping readMapping(Path file) {
        return FeatureMappingJson.read(new String(ModelFile.read(file, "feature mapping file"), StandardCharsets.UTF_8),
                file.toString());
    }

    private static <E extends Enum<E>> E enumOption(ModelSource source, String key, String value, Class<E> type) {
        return Choices.parse(type, value, "option '" + key + "' of model " + source.location());
    }
}
