package dev.assay.cli.registry;

import dev.assay.registry.LinkedReport;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.Names;
import dev.assay.registry.VersionRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry show}: a model's versions, or one version in full with its linked reports. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows the versions of NAME, or one version (NAME@VERSION or NAME@ALIAS) with its metadata and reports.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME[@VERSION]", description = "A model, or one of its versions.")
    String reference;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        ModelRegistry models = registry.open();
        List<ModelVersion> versions = reference.contains("@") ? List.of(models.resolve(VersionRef.parse(reference)))
                : models.versions(Names.require(reference, "model name"));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (ModelVersion v : versions) {
            Map<String, Object> m = Json.version(v);
            List<Map<String, Object>> reports = new ArrayList<>();
            for (LinkedReport r : models.store().reports(v.name(), v.version())) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("location", r.location());
                report.put("sha256", r.sha256());
                report.put("status", r.status());
                report.put("linked_at", r.linkedAt().toString());
                reports.add(report);
            }
            m.put("reports", reports);
            shown.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(reference.contains("@") ? shown.get(0) : Map.of("name", reference, "versions", shown,
                    "aliases", ListCommand.aliases(models.log(reference)))));
            return RegistryCommand.OK;
        }
        for (Map<String, Object> m : shown) {
            out.println(m.get("name") + "@" + m.get("version") + "  " + m.get("framework") + "  " + m.get("size_bytes") + " bytes  "
                    + m.get("registered_at") + " by " + m.get("registered_by"));
            out.println("  sha256 " + m.get("sha256") + "  tags " + m.get("tags") + "  lineage " + m.get("lineage"));
            if (versions.size() == 1) {
                ((Map<?, ?>) m.get("metadata")).forEach((k, val) -> out.println("  " + k + ": " + val));
                ((List<?>) m.get("reports")).forEach(r -> out.println("  report " + r));
            }
        }
        return RegistryCommand.OK;
    }
}
