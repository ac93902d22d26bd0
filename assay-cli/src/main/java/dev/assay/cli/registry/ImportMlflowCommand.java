package dev.assay.cli.registry;

import dev.assay.registry.RegistryStore;
import dev.assay.registry.mlflow.MlflowModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry import-mlflow}: registers the ONNX model of an MLflow model folder. */
@Command(name = "import-mlflow", mixinStandardHelpOptions = true,
        description = "Registers the ONNX model of an MLflow model folder (MLmodel with an onnx flavor) as a version of NAME; "
                + "its metadata, model_uuid and run_id become tags.")
final class ImportMlflowCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MLFLOW-DIR", description = "The MLflow model folder (holding MLmodel).")
    Path dir;

    @Parameters(index = "1", paramLabel = "NAME", description = "The model's name in the registry.")
    String name;

    @Option(names = "--by", paramLabel = "WHO", description = "Who registers it (default: the user name).")
    String by = System.getProperty("user.name");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        RegistryStore.Registration r = MlflowModel.importFrom(dir, name, registry.open(), by);
        if (json) {
            var m = Json.version(r.version());
            m.put("created", r.created());
            spec.commandLine().getOut().println(Json.write(m));
        } else {
            spec.commandLine().getOut().println((r.created() ? "Imported " : "Already registered: ") + r.version().reference());
        }
        return RegistryCommand.OK;
    }
}
