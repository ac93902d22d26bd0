package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.Task;
import dev.assay.core.robustness.Bounds;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code type: perturbation}: perturbs the data ({@code perturbation: gaussian_noise} with its settings such as
 * {@code sigma: 0.2}; see {@link PerturbationCatalog}) within {@code columns}, respecting {@code immutable},
 * {@code bounds} and {@code one_hot} groups, and measures {@code <metric>_drop}, {@code flip_rate},
 * {@code mean_abs_score_change}, {@code mean_score_change} and {@code changed_rows}; {@code max_rows} samples
 * larger data with the check's seed.
 */
public final class PerturbationCheckKind implements CheckKind {
    static final int DEFAULT_MAX_ROWS = 10_000;

    @Override
    public String id() {
        return PerturbationCheck.KIND;
    }

    @Override
    public String description() {
        return "Robustness to a perturbation of the inputs (noise, missing values, typos...): metric drop, prediction flip "
                + "rate and score changes, with intervals and example rows before and after.";
    }

    @Override
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new ArrayList<>(List.of(
                new ConfigKey("perturbation", "the perturbation: " + String.join(", ",
                        PerturbationCatalog.entries().stream().map(PerturbationCatalog.Entry::name).toList())),
                new ConfigKey("columns", "the columns to perturb (default the model's inputs)"),
                new ConfigKey("immutable", "columns never changed, e.g. [sex, age]"),
                new ConfigKey("bounds", "allowed ranges of numeric columns, e.g. {age: 17..90}"),
                new ConfigKey("one_hot", "groups of 0/1 columns that stay one-hot, e.g. {color: \"is_red, is_blue\"}"),
                new ConfigKey("metric", "the metric whose drop is measured, of the model's task (binary or multiclass; default accuracy)"),
                new ConfigKey("max_rows", "perturb a sample of this many rows, drawn with the seed (default " + DEFAULT_MAX_ROWS
                        + ")")));
        for (String key : PerturbationCatalog.settingKeys()) {
            out.add(new ConfigKey(key, "a setting of the perturbation (see docs/robustness.md)"));
        }
        return out;
    }

    @Override
    public String measures() {
        return "<metric>_drop (e.g. accuracy_drop), flip_rate, mean_abs_score_change, mean_score_change, changed_rows, unscored_rows";
    }

    @Override
    public Requirements requires() {
        return Requirements.MODEL_AND_LABEL;
    }

    @Override
    public String defaultName(CheckConfig config) {
        String name = config.string("perturbation", "a perturbation");
        try {
            Perturbation p = PerturbationCatalog.create(name, settings(config));
            List<String> parts = new ArrayList<>();
            p.settings().forEach((k, v) -> parts.add(k + " " + v));
            return "Robustness to " + name + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        } catch (InvalidInputException e) {
            return "Robustness to " + name;
        }
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        String name = config.requireString("perturbation");
        PerturbationCatalog.entries().stream().filter(e -> e.name().equals(name)).findFirst().ifPresent(e -> {
            List<String> own = e.settings().stream().map(PerturbationCatalog.Setting::key).toList();
            for (String key : PerturbationCatalog.settingKeys()) {
                if (config.has(key) && !own.contains(key)) {
                    throw config.error(key, "'" + key + "' is not a setting of " + name + "; its settings: " + String.join(", ", own)
                            + ".");
                }
            }
        });
        Perturbation perturbation;
        try {
            perturbation = PerturbationCatalog.create(name, settings(config));
        } catch (InvalidInputException e) {
            throw config.error("perturbation", e.getMessage());
        }
        int maxRows = config.positiveInt("max_rows", DEFAULT_MAX_ROWS);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        config.stringMap("one_hot").forEach((g, cols) -> groups.put(g, List.of(cols.trim().split("\\s*,\\s*"))));
        Constraints constraints = new Constraints(new LinkedHashSet<>(config.strings("immutable")), bounds(config), groups);
        String metric = config.string("metric", "accuracy");
        if (MetricCatalog.find(Task.BINARY, metric).isEmpty() && MetricCatalog.find(Task.MULTICLASS, metric).isEmpty()) {
            throw config.error("metric", "'" + metric + "' is not a metric of classifiers. Binary: "
                    + String.join(", ", MetricCatalog.ids(Task.BINARY)) + ". Multiclass: "
                    + String.join(", ", MetricCatalog.ids(Task.MULTICLASS)) + ".");
        }
        return new PerturbationCheck(setup, perturbation, config.strings("columns"), constraints, metric, maxRows);
    }

    /** The {@code bounds} of a suite's robustness check, e.g. {@code {age: "17..90"}}, by column. */
    static Map<String, Bounds> bounds(CheckConfig config) {
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.stringMap("bounds").entrySet()) {
            try {
                bounds.put(e.getKey(), Bounds.parse(e.getValue()));
            } catch (InvalidInputException ex) {
                throw config.error("bounds", "column '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return bounds;
    }

    private static PerturbationSettings settings(CheckConfig config) {
        return new PerturbationSettings() {
            @Override
            public double number(String key, double fallback) {
                return config.number(key, fallback);
            }

            @Override
            public String text(String key, String fallback) {
                return config.string(key, fallback);
            }
        };
    }
}
