package dev.assay.registry.mlflow;

import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.Lineage;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.RegistryStore;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Moves ONNX models between the registry and MLflow's model directory format: a folder with an
 * {@code MLmodel} YAML file whose {@code flavors.onnx.data} names the model file (as
 * {@code mlflow.onnx.save_model} writes it: {@code model.onnx}, with a {@code python_function}
 * flavor loading it through {@code mlflow.onnx}). Import registers that file, with the MLmodel's
 * {@code metadata}, {@code model_uuid} and {@code run_id} as tags; export writes such a folder for
 * a version, with its tags, lineage and hash in {@code metadata}.
 */
public final class MlflowModel {
    /** The MLmodel file's name. */
    public static final String MLMODEL = "MLmodel";

    private MlflowModel() {
    }

    /**
     * Registers the ONNX model of the MLflow model folder {@code dir} as a version of {@code name}.
     *
     * @throws InvalidInputException when the folder has no MLmodel, it is not YAML, it has no onnx
     *     flavor, or the flavor's data path leaves the folder
     */
    public static RegistryStore.Registration importFrom(Path dir, String name, ModelRegistry registry, String by) {
        Path mlmodel = dir.resolve(MLMODEL);
        if (!Files.isRegularFile(mlmodel)) {
            throw new InvalidInputException("No " + MLMODEL + " file in " + dir + ". Give the folder of an MLflow model (the one "
                    + "holding MLmodel).");
        }
        Map<?, ?> root;
        try (Reader in = Files.newBufferedReader(mlmodel)) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            root = parsed instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | YAMLException e) {
            throw new InvalidInputException(mlmodel + " is not readable YAML: " + e.getMessage() + ".", e);
        }
        Object flavors = root.get("flavors");
        Object onnx = flavors instanceof Map<?, ?> f ? f.get("onnx") : null;
        Object data = onnx instanceof Map<?, ?> o ? o.get("data") : null;
        if (!(data instanceof String)) {
            throw new InvalidInputException(mlmodel + " has no onnx flavor with a data file (flavors: " + (flavors instanceof Map<?, ?> f
                    ? f.keySet() : "none") + "). Assay imports MLflow models saved with mlflow.onnx; convert the model to ONNX first.");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve((String) data).normalize();
        if (!file.startsWith(base)) {
            throw new InvalidInputException(mlmodel + " names the model file '" + data + "', outside the model folder. The data "
                    + "path must stay inside " + dir + ".");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (root.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.forEach((k, v) -> {
                if (k != null && v != null && !(v instanceof Map) && !(v instanceof Iterable)) {
                    tags.put(tagKey(k.toString()), v.toString());
                }
            });
        }
        for (String key : new String[] {"model_uuid", "run_id"}) {
            if (root.get(key) != null) {
                tags.put("mlflow." + key, root.get(key).toString());
            }
        }
        return registry.register(name, file, tags, Lineage.NONE, by);
    }

    /**
     * Writes {@code version} as an MLflow model folder {@code target}, which must not exist yet; the
     * folder is written beside it and renamed into place when complete.
     *
     * @throws InvalidInputException when the version is not an ONNX model or the target exists
     */
    public static void exportTo(ModelVersion version, ModelRegistry registry, Path target) {
        if (!version.framework().equals("onnx")) {
            throw new InvalidInputException(version.reference() + " is a " + version.framework() + " model; MLflow's model format "
                    + "has an onnx flavor but none for " + version.framework() + ". Export an ONNX version.");
        }
        if (Files.exists(target)) {
            throw new InvalidInputException("Export target " + target + " already exists. Give a new folder.");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path temp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(temp);
            Files.copy(registry.artifact(version), temp.resolve("model.onnx"));
            try (Writer out = Files.newBufferedWriter(temp.resolve(MLMODEL))) {
                yaml().dump(mlmodel(version), out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(temp);
            throw new InvalidInputException("Cannot write MLflow model folder " + target + ": " + e.getMessage()
                    + ". Check that its parent folder exists and is writable.", e);
        }
    }

    private static Map<String, Object> mlmodel(ModelVersion version) {
        Map<String, Object> onnx = new LinkedHashMap<>();
        onnx.put("data", "model.onnx");
        onnx.put("providers", List.of("CPUExecutionProvider"));
        Map<String, Object> pyfunc = new LinkedHashMap<>();
        pyfunc.put("data", "model.onnx");
        pyfunc.put("loader_module", "mlflow.onnx");
        Map<String, Object> flavors = new LinkedHashMap<>();
        flavors.put("onnx", onnx);
        flavors.put("python_function", pyfunc);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("assay.name", version.name());
        metadata.put("assay.version", version.version());
        metadata.put("assay.sha256", version.sha256());
        if (version.lineage().trainingData() != null) {
            metadata.put("assay.training_data", version.lineage().trainingData());
        }
        if (version.lineage().codeRevision() != null) {
            metadata.put("assay.code_revision", version.lineage().codeRevision());
        }
        metadata.putAll(version.tags());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("flavors", flavors);
        root.put("utc_time_created", version.registeredAt().toString().replace("T", " ").replace("Z", ""));
        root.put("metadata", metadata);
        return root;
    }

    /** Tag keys follow the registry's name rules; other characters become {@code _}. */
    private static String tagKey(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "m" + cleaned : cleaned;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new Representer(options), options);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the partial folder is hidden (.part) and never a model
        }
    }
}
