package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.abtest.Power;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay power}: plans an A/B test. From the effect worth detecting, the rows each arm needs for a given
 * power, or the power of a given size; the z-test of two proportions (Cohen's h, as statsmodels'
 * {@code NormalIndPower}) or the t-test of two means (Cohen's d, as {@code TTestIndPower}).
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"Plans an A/B test: the rows per arm to detect an effect with the given power, or the power of a given "
                + "size. Proportions: --baseline 0.10 --target 0.12. Means: --mde 2.5 --sd 20 (or --effect-size d).",
                "Two-sided tests; sizes match statsmodels' NormalIndPower and TTestIndPower (see docs/abtest.md)."})
final class PowerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "RATE", description = "The control arm's rate of a 0/1 metric, e.g. 0.10.")
    Double baseline;

    @Option(names = "--target", paramLabel = "RATE", description = "With --baseline: the treatment rate worth detecting, e.g. 0.12.")
    Double target;

    @Option(names = "--mde", paramLabel = "D", description = "The smallest difference of means worth detecting (with --sd).")
    Double mde;

    @Option(names = "--sd", paramLabel = "S", description = "With --mde: the metric's standard deviation (e.g. from past data).")
    Double sd;

    @Option(names = "--effect-size", paramLabel = "d", description = "Cohen's d of two means, instead of --mde and --sd.")
    Double effectSize;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "The power wanted (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--sample-size", paramLabel = "N", description = "Rows in the control arm: answers the power instead of a size.")
    Double sampleSize;

    @Option(names = "--ratio", paramLabel = "R", defaultValue = "1", description = "Treatment rows per control row (default: ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        boolean proportions = baseline != null || target != null;
        boolean means = mde != null || sd != null || effectSize != null;
        if (proportions == means) {
            throw new InvalidInputException("Give either --baseline and --target (a 0/1 metric) or --mde and --sd, or --effect-size "
                    + "(a mean).");
        }
        check("--alpha", alpha, alpha > 0 && alpha < 1, "above 0 and below 1, e.g. 0.05");
        check("--power", power, power > 0 && power < 1, "above 0 and below 1, e.g. 0.8");
        check("--ratio", ratio, ratio > 0 && ratio <= 1000, "above 0, at most 1000");
        double effect = proportions ? proportionsEffect() : meansEffect();
        if (sampleSize != null) {
            check("--sample-size", sampleSize, sampleSize >= 2 && sampleSize <= 1e12, "2 or more rows");
        }
        double achieved = sampleSize == null ? power : proportions ? Power.normal(effect, sampleSize, alpha, ratio)
                : Power.t(effect, sampleSize, alpha, ratio);
        double control = sampleSize != null ? sampleSize : proportions ? Power.normalSampleSize(effect, alpha, power, ratio)
                : Power.tSampleSize(effect, alpha, power, ratio);
        PrintWriter out = spec.commandLine().getOut();
        String test = proportions ? "two_proportion_z" : "t";
        String f = Options.choice("--format", format, List.of("text", "json"));
        if (f.equals("json")) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("test", test);
            n.put("effect_size", effect);
            n.put("alpha", alpha);
            n.put("power", achieved);
            n.put("ratio", ratio);
            n.put("control_size", control);
            n.put("treatment_size", control * ratio);
            n.put("control_rows", (long) Math.ceil(control - 1e-9));
            n.put("treatment_rows", (long) Math.ceil(control * ratio - 1e-9));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n));
        } else {
            out.printf(Locale.ROOT, "%s test, effect size %.4f (%s), alpha %.3g, two-sided%n", proportions ? "Two-proportion z"
                    : "Two-sample t", effect, proportions ? "Cohen's h" : "Cohen's d", alpha);
            out.printf(Locale.ROOT, "%s: %,d control rows and %,d treatment rows (power %.4f)%n", sampleSize == null ? "Needed"
                    : "Given", (long) Math.ceil(control - 1e-9), (long) Math.ceil(control * ratio - 1e-9), achieved);
        }
        out.flush();
        return ExitCode.PASS;
    }

    private double proportionsEffect() {
        if (baseline == null || target == null) {
            throw new InvalidInputException("A 0/1 metric needs both --baseline (the control rate) and --target (the rate to detect).");
        }
        check("--baseline", baseline, baseline > 0 && baseline < 1, "a rate above 0 and below 1");
        check("--target", target, target > 0 && target < 1 && !target.equals(baseline), "a rate above 0 and below 1, other than "
                + "--baseline");
        return Power.proportionsEffectSize(target, baseline);
    }

    private double meansEffect() {
        if (effectSize != null) {
            if (mde != null || sd != null) {
                throw new InvalidInputException("Give --effect-size or --mde with --sd, not both.");
            }
            check("--effect-size", effectSize, effectSize != 0 && Double.isFinite(effectSize), "a non-zero number, e.g. 0.2");
            return effectSize;
        }
        if (mde == null || sd == null) {
            throw new InvalidInputException("A mean needs both --mde (the difference to detect) and --sd (the metric's standard "
                    + "deviation), or --effect-size.");
        }
        check("--mde", mde, mde != 0 && Double.isFinite(mde), "a non-zero difference");
        check("--sd", sd, sd > 0 && Double.isFinite(sd), "a positive standard deviation");
        return mde / sd;
    }

    private static void check(String option, double value, boolean ok, String expected) {
        if (!ok || Double.isNaN(value)) {
            throw Options.invalid(option, String.valueOf(value), List.of(expected));
        }
    }
}
