package dev.assay.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.registry.Lineage;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.RegistryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class MlflowModelTest {
    static final Path LOGISTIC = Path.of("../examples/models/german_credit_logistic.onnx");
    static final Path FOREST = Path.of("../examples/models/german_credit_forest.tribuo.gz");

    /** An MLmodel as mlflow.onnx.save_model writes it (MLflow 2.x), with a signature and metadata. */
    static final String MLMODEL = """
            artifact_path: model
            flavors:
              onnx:
                code: null
                data: model.onnx
                onnx_version: 1.14.1
                providers:
                - CUDAExecutionProvider
                - CPUExecutionProvider
              python_function:
                data: model.onnx
                env:
                  conda: conda.yaml
                  virtualenv: python_env.yaml
                loader_module: mlflow.onnx
                python_version: 3.10.12
            metadata:
              team: risk
              owner email: ana@example.org
            mlflow_version: 2.8.1
            model_uuid: 3c5a1b0f9e2d4c6a8b7e1f0d2c3b4a59
            run_id: 9f8e7d6c5b4a39281706f5e4d3c2b1a0
            signature:
              inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 61]}}]'
              outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]'
            utc_time_created: '2023-11-20 10:41:05.123456'
            """;

    @TempDir
    Path dir;

    private ModelRegistry registry() {
        return ModelRegistry.inFolder(dir.resolve("registry"));
    }

    private Path mlflowFolder(String mlmodel) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mlflow-model"));
        Files.copy(LOGISTIC, folder.resolve("model.onnx"));
        Files.writeString(folder.resolve("MLmodel"), mlmodel);
        return folder;
    }

    @Test
    void importsTheOnnxFlavorWithItsMetadataAsTags() throws IOException {
        ModelRegistry registry = registry();
        RegistryStore.Registration r = MlflowModel.importFrom(mlflowFolder(MLMODEL), "credit", registry, "ana");
        assertThat(r.created()).isTrue();
        ModelVersion v = r.version();
        assertThat(v.framework()).isEqualTo("onnx");
        assertThat(registry.artifact(v)).hasSameBinaryContentAs(LOGISTIC);
        assertThat(v.tags()).containsEntry("team", "risk").containsEntry("owner_email", "ana@example.org")
                .containsEntry("mlflow.model_uuid", "3c5a1b0f9e2d4c6a8b7e1f0d2c3b4a59")
                .containsEntry("mlflow.run_id", "9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsAFolderThatImportsBackToTheSameVersion() throws IOException {
        ModelRegistry registry = registry();
        ModelVersion v = registry.register("credit", LOGISTIC, Map.of("team", "risk"), new Lineage("sha256:" + "0".repeat(64), null,
                "4f2e1c0"), "ana").version();
        Path out = dir.resolve("exported");
        MlflowModel.exportTo(v, registry, out);
        assertThat(out.resolve("model.onnx")).hasSameBinaryContentAs(LOGISTIC);
        Map<String, Object> mlmodel = new Yaml().load(Files.readString(out.resolve("MLmodel")));
        Map<String, Object> flavors = (Map<String, Object>) mlmodel.get("flavors");
        assertThat((Map<String, Object>) flavors.get("onnx")).containsEntry("data", "model.onnx");
        assertThat((Map<String, Object>) flavors.get("python_function")).containsEntry("loader_module", "mlflow.onnx")
                .containsEntry("data", "model.onnx");
        assertThat((Map<String, Object>) mlmodel.get("metadata")).containsEntry("assay.sha256", v.sha256())
                .containsEntry("assay.code_revision", "4f2e1c0").containsEntry("team", "risk");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        RegistryStore.Registration back = MlflowModel.importFrom(out, "credit", registry, "bo");
        assertThat(back.created()).isFalse();
        assertThat(back.version().version()).isEqualTo(v.version());
        assertThatThrownBy(() -> MlflowModel.exportTo(v, registry, out)).hasMessageContaining("already exists");
    }

    @Test
    void refusesFoldersItCannotImportAndModelsMlflowCannotHold() throws IOException {
        ModelRegistry registry = registry();
        assertThatThrownBy(() -> MlflowModel.importFrom(dir, "credit", registry, "ana")).hasMessageContaining("No MLmodel file in");
        Path folder = mlflowFolder(MLMODEL.replace("data: model.onnx\n    onnx_version", "data: ../../../etc/passwd\n    onnx_version"));
        assertThatThrownBy(() -> MlflowModel.importFrom(folder, "credit", registry, "ana"))
                .hasMessageContaining("outside the model folder");
        Files.writeString(folder.resolve("MLmodel"), "flavors:\n  sklearn:\n    pickled_model: model.pkl\n");
        assertThatThrownBy(() -> MlflowModel.importFrom(folder, "credit", registry, "ana"))
                .hasMessageContaining("has no onnx flavor").hasMessageContaining("[sklearn]");
        Files.writeString(folder.resolve("MLmodel"), "flavors: [unclosed");
        assertThatThrownBy(() -> MlflowModel.importFrom(folder, "credit", registry, "ana")).hasMessageContaining("is not readable YAML");
        ModelVersion tribuo = registry.register("forest", FOREST, Map.of(), Lineage.NONE, "ana").version();
        assertThatThrownBy(() -> MlflowModel.exportTo(tribuo, registry, dir.resolve("forest-out")))
                .hasMessageContaining("is a tribuo model");
        assertThat(registry.models()).containsExactly("forest");
    }
}
