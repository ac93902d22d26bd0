package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.privacy.membership.AttackResult;
import dev.assay.core.privacy.membership.MembershipInference;
import dev.assay.core.privacy.membership.MembershipSignal;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay privacy mia}: threshold membership-inference attacks ({@link MembershipInference}) on a classifier's
 * training rows against held-out rows, reported as text, JSON or HTML ({@link MembershipReport}).
 */
@Command(name = "mia", mixinStandardHelpOptions = true,
        description = {"Membership inference: how well the loss or prediction entropy tells a classifier's training rows"
                + " (--train) from held-out rows (--test).",
                "Reports AUC, advantage (max TPR - FPR), TPR at FPR 1% and 0.1% with Clopper-Pearson intervals and an"
                        + " empirical epsilon lower bound."},
        footerHeading = "%nExit codes:%n", footer = {"  0  measured", "  2  usage or input error"})
final class MembershipInferenceCommand implements Callable<Integer> {
    static final double[] FPR_TARGETS = {0.01, 0.001};
    static final double LEVEL = 0.95;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Classifier with class probabilities: model file or URL (.onnx, .tribuo, http://...).")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell (e.g. onnx).")
    String modelType;

    @Option(names = "--model-classes", paramLabel = "CLASS", split = ",",
            description = "Label values of the model's classes, in the order of its outputs, e.g. no,yes.")
    List<String> modelClasses = new ArrayList<>();

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Rows the model was trained on (members).")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Held-out rows, same columns (non-members).")
    Path test;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column.")
    String label;

    @Option(names = "--attack", paramLabel = "ATTACK", defaultValue = "all",
            description = "loss, entropy, modified_entropy or all (default: ${DEFAULT-VALUE}; the top-level numbers are the strongest attack's).")
    String attack;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "1e-5",
            description = "The delta of the epsilon lower bound (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        String fmt = Options.choice("--format", format, List.of("text", "json", "html"));
        List<MembershipSignal> signals = signals();
        if (!(delta >= 0 && delta <= 0.1)) {
            throw new InvalidInputException("--delta must be in [0, 0.1], found " + delta + ".");
        }
        Frame members = read(train, "train");
        Frame nonMembers = read(test, "test");
        List<String> classes = modelClasses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        List<AttackResult> results;
        try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), classes))) {
            results = new MembershipInference(m, label).run(members, nonMembers, signals, FPR_TARGETS, delta, LEVEL,
                    TerminalProgress.forTerminal(spec.commandLine().getErr()));
        }
        MembershipReport report = new MembershipReport(model, train.toString(), test.toString(), label, results);
        String text = switch (fmt) {
            case "json" -> report.json();
            case "html" -> MembershipPage.html(report);
            default -> report.text();
        };
        AtomicFiles.printOrWrite(spec.commandLine().getOut(), output, text, "--output");
        return ExitCode.PASS;
    }

    private List<MembershipSignal> signals() {
        if (attack.strip().equalsIgnoreCase("all")) {
            return Arrays.asList(MembershipSignal.values());
        }
        MembershipSignal s = MembershipSignal.byId(attack);
        if (s == null) {
            List<String> allowed = new ArrayList<>(Arrays.stream(MembershipSignal.values()).map(MembershipSignal::id).toList());
            allowed.add("all");
            throw Options.invalid("--attack", attack, allowed);
        }
        return List.of(s);
    }

    private static Frame read(Path file, String role) {
        return new DataReader().read(file, role, Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
    }
}
