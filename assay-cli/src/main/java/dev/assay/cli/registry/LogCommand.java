package dev.assay.cli.registry;

import dev.assay.registry.AliasMove;
import dev.assay.registry.Names;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry log}: every alias move of a model, oldest first. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Prints every alias move of NAME, oldest first.")
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name.")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        List<AliasMove> moves = registry.open().log(Names.require(name, "model name"));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Map.of("moves", Json.moves(moves))));
            return RegistryCommand.OK;
        }
        if (moves.isEmpty()) {
            out.println("No alias of " + name + " has moved yet.");
        }
        for (AliasMove m : moves) {
            out.println(m.at() + "  " + m.alias() + ": " + (m.from() == null ? "new" : m.from()) + " -> " + m.to() + "  by " + m.by()
                    + (m.reason().isEmpty() ? "" : "  (" + m.reason() + ")"));
        }
        return RegistryCommand.OK;
    }
}
