package dev.assay.cli;

import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.Requirements;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay checks}: the kinds of check on the class path, with their keys, measurements and needs. */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = {"Lists the kinds of check a suite file can use (type: ...), with the keys each accepts, what it "
                + "measures and what it needs.", "Kinds from other jars on the class path are listed too."})
final class ChecksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Every check accepts: type, name, fail, warn, where, seed (see docs/suite-format.md).");
        for (CheckKind kind : CheckKinds.discover().all()) {
            out.println();
            out.println(kind.id() + ": " + kind.description());
            out.println("  measures: " + kind.measures());
            out.println("  needs:    " + needs(kind.requires()));
            if (!kind.keys().isEmpty()) {
                out.println("  keys:");
            }
            for (CheckKind.ConfigKey key : kind.keys()) {
                out.printf("    %-12s %s%n", key.name(), key.description());
            }
        }
        return ExitCode.PASS;
    }

    private static String needs(Requirements r) {
        List<String> out = new ArrayList<>();
        if (r.model()) {
            out.add("a model");
        }
        if (r.predictions()) {
            out.add("predictions (a model or stored prediction columns)");
        }
        if (r.reference()) {
            out.add("reference data");
        }
        r.roles().forEach(role -> out.add("columns." + role.suiteKey()));
        return out.isEmpty() ? "the current data" : String.join(", ", out);
    }
}
