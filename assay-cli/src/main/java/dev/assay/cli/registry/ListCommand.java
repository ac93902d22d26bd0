package dev.assay.cli.registry;

import dev.assay.registry.AliasMove;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry list}: every model with its latest version and current aliases. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the models, their latest version and aliases.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        ModelRegistry models = registry.open();
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : models.models()) {
            List<ModelVersion> versions = models.versions(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("versions", versions.size());
            m.put("latest", versions.get(versions.size() - 1).version());
            m.put("aliases", aliases(models.log(name)));
            list.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Map.of("models", list)));
        } else if (list.isEmpty()) {
            out.println("No models registered in " + registry.folder() + ".");
        } else {
            list.forEach(m -> out.println(m.get("name") + "  latest " + m.get("latest") + " of " + m.get("versions")
                    + "  aliases " + m.get("aliases")));
        }
        return RegistryCommand.OK;
    }

    /** Where each alias points now, by alias name. */
    static Map<String, Integer> aliases(List<AliasMove> log) {
        Map<String, Integer> now = new TreeMap<>();
        log.forEach(m -> now.put(m.alias(), m.to()));
        return now;
    }
}
