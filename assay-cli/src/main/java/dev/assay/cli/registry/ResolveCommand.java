package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.VersionRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry resolve}: the version an alias points to, now or at a given time. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Prints the version NAME@ALIAS points to (or pointed to at --at), and its artifact.")
final class ResolveCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME@ALIAS", description = "An alias (or version) reference, e.g. credit@production.")
    String reference;

    @Option(names = "--at", paramLabel = "ISO-8601-TIME", description = "Resolve as of this time, e.g. 2026-03-01T12:00:00Z.")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        VersionRef ref = VersionRef.parse(reference);
        ModelRegistry models = registry.open();
        Instant when = at == null ? models.clock().instant() : instant(at);
        ModelVersion v = models.resolve(ref, when);
        if (json) {
            Map<String, Object> m = Json.version(v);
            m.put("alias", ref.alias());
            m.put("at", when.toString());
            m.put("artifact", models.artifact(v).toString());
            spec.commandLine().getOut().println(Json.write(m));
        } else {
            spec.commandLine().getOut().println(v.reference() + " " + models.artifact(v));
        }
        return RegistryCommand.OK;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Invalid --at '" + text + "': give an ISO-8601 time with offset, e.g. "
                    + "2026-03-01T12:00:00Z.", e);
        }
    }
}
