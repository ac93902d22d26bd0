package dev.assay.cli.registry;

import dev.assay.registry.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assay registry}: model versions, aliases and their log. The store is a folder
 * ({@code --store}, else {@code ASSAY_REGISTRY}, else {@code .assay/registry}) holding an SQLite
 * database and the artifacts; with {@code --db}, the records go to that database instead and the
 * folder keeps only the artifacts.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Registers model versions, moves aliases (production, challenger, ...) with an append-only log, "
                + "gates promotion on a suite, and compares versions.", "See docs/registry.md."},
        subcommands = {RegisterCommand.class, AliasCommand.class, ResolveCommand.class, LogCommand.class, ListCommand.class,
                ShowCommand.class, RollbackCommand.class, ImportMlflowCommand.class, ExportMlflowCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  a promotion gate failed (the alias did not move)", "  2  usage or input error"})
public final class RegistryCommand implements Runnable {
    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: a gate failed, nothing changed. */
    static final int GATE_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR",
            description = "The registry folder (default: $ASSAY_REGISTRY, else .assay/registry).")
    Path store;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Keep the records in this database (jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U); "
                    + "artifacts stay in the registry folder.")
    String db;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use register, alias, resolve, log, list, "
                + "show, rollback, import-mlflow, export-mlflow or compare.");
    }

    /** The registry folder the options and environment name. */
    public Path folder() {
        return store != null ? store : defaultFolder();
    }

    /** {@code $ASSAY_REGISTRY}, else {@code .assay/registry}. */
    public static Path defaultFolder() {
        String env = System.getenv("ASSAY_REGISTRY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(".assay", "registry");
    }

    /** Opens the registry the options name. */
    public ModelRegistry open() {
        return open(folder(), db);
    }

    /** The registry in {@code folder}, or with its records in the database {@code db} (artifacts still in the folder). */
    public static ModelRegistry open(Path folder, String db) {
        return db == null ? ModelRegistry.inFolder(folder) : ModelRegistry.inDatabase(db, folder.resolve("artifacts"));
    }
}
