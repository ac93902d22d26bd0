package dev.assay.cli.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.PromotionGate;
import dev.assay.registry.RecentReportGate;
import dev.assay.registry.VersionRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay registry alias}: points an alias at a version, optionally only if a gate passes. */
@Command(name = "alias", mixinStandardHelpOptions = true,
        description = "Points ALIAS of NAME at VERSION and logs the move (who, when, from, to, why). With --gate, only if the "
                + "suite passes on that version; with --gate-report-age, only if its last linked report is green and recent.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the alias moved", "  1  the gate failed; the alias stayed where it was", "  2  usage or input error"})
final class AliasCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias, e.g. production or challenger.")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION", description = "The version number (or vN).")
    String version;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the alias moves, for the log.")
    String reason = "";

    @Option(names = "--gate", paramLabel = "SUITE.yaml", description = "A suite that must pass on the version (its model is "
            + "replaced by the version).")
    Path gate;

    @Option(names = "--gate-output", paramLabel = "DIR", description = "Where the gate writes its reports (default: "
            + "<registry folder>/reports).")
    Path gateOutput;

    @Option(names = "--gate-report-age", paramLabel = "DURATION", description = "Instead of running a suite, require the "
            + "version's last linked report to be green and at most this old, e.g. 7d, 12h or P7D.")
    String reportAge;

    @Option(names = "--by", paramLabel = "WHO", description = "Who moves it (default: the user name).")
    String by = System.getProperty("user.name");

    @Override
    public Integer call() {
        if (gate != null && reportAge != null) {
            throw new InvalidInputException("Give either --gate or --gate-report-age, not both.");
        }
        Integer number = VersionRef.of(name, version).version();
        if (number == null) {
            throw new InvalidInputException("VERSION must be a version number such as 3 (or v3), not '" + version + "'.");
        }
        ModelRegistry models = registry.open();
        PromotionGate promotionGate = gate != null
                ? new SuiteGate(gate, models, gateOutput != null ? gateOutput : registry.folder().resolve("reports"))
                : reportAge != null ? new RecentReportGate(models.store(), duration(reportAge), models.clock()) : PromotionGate.NONE;
        ModelRegistry.Promotion promotion = models.promote(name, alias, number, by, reason, promotionGate);
        PrintWriter out = spec.commandLine().getOut();
        if (promotion.move().isEmpty()) {
            spec.commandLine().getErr().println("Gate failed, " + name + "@" + alias + " unchanged: " + promotion.verdict().summary());
            return RegistryCommand.GATE_FAILED;
        }
        var move = promotion.move().get();
        out.println(name + "@" + alias + ": " + (move.from() == null ? "new" : move.from()) + " -> " + move.to()
                + (promotionGate == PromotionGate.NONE ? "" : " (gate passed: " + promotion.verdict().summary() + ")"));
        return RegistryCommand.OK;
    }

    /** {@code Nd}, {@code Nh}, {@code Nm} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("[0-9]+[dhm]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                char unit = t.charAt(t.length() - 1);
                return unit == 'd' ? Duration.ofDays(n) : unit == 'h' ? Duration.ofHours(n) : Duration.ofMinutes(n);
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInputException("Invalid duration '" + text + "': write e.g. 7d, 12h, 30m or P7D.", e);
        }
    }
}
