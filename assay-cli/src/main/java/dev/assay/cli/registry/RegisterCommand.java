package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Fingerprint;
import dev.assay.registry.Lineage;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.RegistryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code assay registry register}: stores a model file as a new version (or finds the version with the same content). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Registers a model file (ONNX, Tribuo, or an HTTP endpoint description .json) as the next version of "
                + "NAME; the same content again returns the same version.")
final class RegisterCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "MODEL-FILE", description = "The model file.")
    Path file;

    @Option(names = "--tag", paramLabel = "K=V", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--training-data", paramLabel = "FILE|sha256:HEX",
            description = "The training data, as a file (fingerprinted now) or its sha256: fingerprint.")
    String trainingData;

    @Option(names = "--parent", paramLabel = "VERSION", description = "The version this one derives from.")
    Integer parent;

    @Option(names = "--code-revision", paramLabel = "REV", description = "The training code's revision, e.g. a git commit.")
    String codeRevision;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "An Assay report that tested this model (repeatable).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--by", paramLabel = "WHO", description = "Who registers it (default: the user name).")
    String by = System.getProperty("user.name");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = Json.wanted(format);
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("Invalid --tag '" + tag + "': write it as KEY=VALUE, e.g. --tag team=risk.");
            }
            tagMap.put(tag.substring(0, eq), tag.substring(eq + 1));
        }
        List<LinkedReports.Report> linked = new ArrayList<>();
        reports.forEach(r -> linked.add(LinkedReports.read(r)));
        ModelRegistry models = registry.open();
        RegistryStore.Registration registration = models.register(name, file, tagMap,
                new Lineage(fingerprint(trainingData), parent, codeRevision), by);
        linked.forEach(r -> models.linkReport(registration.version(), r.location(), r.sha256(), r.status()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = Json.version(registration.version());
            m.put("created", registration.created());
            m.put("artifact", models.artifact(registration.version()).toString());
            out.println(Json.write(m));
        } else {
            out.println((registration.created() ? "Registered " : "Already registered: ") + registration.version().reference()
                    + " (" + registration.version().framework() + ", sha256 " + registration.version().sha256() + ")");
        }
        return RegistryCommand.OK;
    }

    private static String fingerprint(String trainingData) {
        if (trainingData == null) {
            return null;
        }
        if (trainingData.matches("sha256:[0-9a-f]{64}")) {
            return trainingData;
        }
        Path p = Path.of(trainingData);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("--training-data " + trainingData + " is neither a file nor a sha256: fingerprint "
                    + "(sha256: followed by 64 lower-case hex digits).");
        }
        try {
            return Fingerprint.of(p);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read training data " + p + ": " + e.getMessage() + ".", e);
        }
    }
}
