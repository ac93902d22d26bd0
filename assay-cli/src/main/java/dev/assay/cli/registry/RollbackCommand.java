package dev.assay.cli.registry;

import dev.assay.registry.AliasMove;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry rollback}: moves an alias back to where it pointed before its last move. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Moves ALIAS of NAME back to the version it pointed to before its last move (logged as a new move).")
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias, e.g. production.")
    String alias;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the log.")
    String reason = "";

    @Option(names = "--by", paramLabel = "WHO", description = "Who rolls back (default: the user name).")
    String by = System.getProperty("user.name");

    @Override
    public Integer call() {
        AliasMove move = registry.open().rollback(name, alias, by, reason);
        spec.commandLine().getOut().println(name + "@" + alias + ": " + move.from() + " -> " + move.to() + " (rolled back)");
        return RegistryCommand.OK;
    }
}
