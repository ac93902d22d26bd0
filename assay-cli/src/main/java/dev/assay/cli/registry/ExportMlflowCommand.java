package dev.assay.cli.registry;

import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.VersionRef;
import dev.assay.registry.mlflow.MlflowModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry export-mlflow}: writes a version as an MLflow model folder. */
@Command(name = "export-mlflow", mixinStandardHelpOptions = true,
        description = "Writes an ONNX version (NAME@VERSION or NAME@ALIAS) as an MLflow model folder: MLmodel (onnx and "
                + "python_function flavors) and model.onnx.")
final class ExportMlflowCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "The version to export.")
    String reference;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to create.")
    Path target;

    @Override
    public Integer call() {
        ModelRegistry models = registry.open();
        ModelVersion v = models.resolve(VersionRef.parse(reference));
        MlflowModel.exportTo(v, models, target);
        spec.commandLine().getOut().println("Exported " + v.reference() + " to " + target);
        return RegistryCommand.OK;
    }
}
