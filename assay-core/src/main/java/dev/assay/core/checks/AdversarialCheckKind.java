package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.attack.AttackSettings;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code type: adversarial}: attacks the rows the model predicts correctly ({@code attack: fgsm|pgd|simba|square|hsj},
 * {@code norm: linf|l2}, {@code eps: [0.01, 0.05, 0.1]} in standard deviations unless {@code scale: raw},
 * {@code steps}, {@code step_size}) within {@code columns}, respecting {@code immutable} and {@code bounds}, and
 * measures {@code clean_accuracy}, {@code robust_accuracy[eps=0.05]}, {@code success_rate[eps=0.05]},
 * {@code mean_minimal_perturbation} and {@code model_calls}; {@code export} writes the adversarial examples to CSV.
 */
public final class AdversarialCheckKind implements CheckKind {
    static final int DEFAULT_MAX_ROWS = 1_000;
    static final double[] DEFAULT_EPS = {0.01, 0.05, 0.1};

    @Override
    public String id() {
        return AdversarialCheck.KIND;
    }

    @Override
    public String description() {
        return "Robustness to adversarial attacks (FGSM, PGD, SimBA) on any classifier through its scores: clean and robust "
                + "accuracy at each eps, attack success rate, model calls, with example rows before and after.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("attack", "fgsm, pgd, simba, square or hsj (default pgd)"),
                new ConfigKey("norm", "linf or l2 (default linf)"),
                new ConfigKey("eps", "the budgets, e.g. [0.01, 0.05, 0.1] (default), in standard deviations of each column"),
                new ConfigKey("scale", "std (default) or raw: the unit of eps"),
                new ConfigKey("steps", "PGD iterations (default 10), SimBA passes (default 1), Square iterations (default 100) or HopSkipJump iterations (default 20)"),
                new ConfigKey("step_size", "the step as a fraction of eps (default PGD 2.5/steps; SimBA 1 for linf, 1/sqrt(d) for l2); for square the initial share p_init of columns redrawn (default 0.8, at most 1)"),
                new ConfigKey("observed_range", "true (default): values also stay within the range seen in the data"),
                new ConfigKey("columns", "the columns to attack (default the model's inputs; only numeric ones move)"),
                new ConfigKey("immutable", "columns never changed, e.g. [sex, age]"),
                new ConfigKey("bounds", "allowed ranges of numeric columns, e.g. {age: 17..90}"),
                new ConfigKey("max_rows", "attack a sample of this many rows, drawn with the seed (default " + DEFAULT_MAX_ROWS + ")"),
                new ConfigKey("conditional", "true: robust accuracy among clean-correct rows (as ART); default false (as Foolbox)"),
                new ConfigKey("export", "a CSV file for the adversarial examples found, relative to the suite file"));
    }

    @Override
    public String measures() {
        return "clean_accuracy, robust_accuracy[eps=E], success_rate[eps=E] for each eps E, mean_minimal_perturbation, model_calls";
    }

    @Override
    public Requirements requires() {
        return Requirements.MODEL_AND_LABEL;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Adversarial robustness (" + config.string("attack", "pgd") + ", " + config.string("norm", "linf") + ")";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        AttackSettings.Method method = config.choice("attack", AttackSettings.Method.class, AttackSettings.Method.PGD);
        AttackSettings.Norm norm = config.choice("norm", AttackSettings.Norm.class, AttackSettings.Norm.LINF);
        double[] eps = DEFAULT_EPS;
        if (config.has("eps")) {
            List<String> values = config.strings("eps");
            eps = new double[values.size()];
            for (int i = 0; i < eps.length; i++) {
                try {
                    eps[i] = Double.parseDouble(values.get(i));
                } catch (NumberFormatException e) {
                    eps[i] = Double.NaN;
                }
                if (!(eps[i] >= 0) || Double.isInfinite(eps[i])) {
                    throw config.error("eps", "eps must be numbers of at least 0, found '" + values.get(i) + "'.");
                }
            }
            if (eps.length == 0) {
                throw config.error("eps", "eps needs at least one budget, e.g. [0.01, 0.05, 0.1].");
            }
        }
        String scale = config.string("scale", "std").toLowerCase(Locale.ROOT);
        if (!scale.equals("std") && !scale.equals("raw")) {
            throw config.error("scale", "scale must be std or raw, found '" + scale + "'.");
        }
        long steps = config.integer("steps", method.defaultSteps());
        if (steps < 1 || steps > 10_000) {
            throw config.error("steps", "steps must be a whole number from 1 to 10000, found " + steps + ".");
        }
        double stepSize = config.number("step_size", Double.NaN);
        if (config.has("step_size") && !(stepSize > 0)) {
            throw config.error("step_size", "step_size must be a positive fraction of eps, found " + config.string("step_size", "")
                    + ".");
        }
        if (method == AttackSettings.Method.SQUARE && stepSize > 1) {
            throw config.error("step_size", "step_size of the square attack is the share p_init of columns redrawn, from 0 to 1, "
                    + "found " + stepSize + ".");
        }
        int maxRows = config.positiveInt("max_rows", DEFAULT_MAX_ROWS);
        Constraints constraints = new Constraints(new LinkedHashSet<>(config.strings("immutable")),
                PerturbationCheckKind.bounds(config), Map.of());
        String export = config.location("export", null);
        AttackSettings settings = new AttackSettings(method, norm, eps, (int) steps, stepSize, scale.equals("raw"), true,
                setup.seed());
        return new AdversarialCheck(setup, settings, config.strings("columns"), constraints, maxRows,
                config.bool("conditional", false), config.bool("observed_range", true), export == null ? null : Path.of(export));
    }
}
