package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationSettings;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.metamorphic.MetamorphicTests;
import dev.assay.core.robustness.metamorphic.Transformation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type: metamorphic}: a CheckList test ({@code test: inv|dir|mft}, see {@link MetamorphicTests}) measuring
 * {@code fail_rate}, {@code failures} and {@code tested}. INV and DIR change the rows by a {@code perturbation}
 * (with its settings, {@code columns} and {@code immutable}), a {@code substitute: {column, from, to}} or a
 * {@code change: {column, add|multiply|set}}; MFT reads {@code cases} (CSV text in the suite) or {@code cases_file}.
 */
public final class MetamorphicCheckKind implements CheckKind {

    /** Which CheckList test. */
    enum Test {
        INV, DIR, MFT
    }

    @Override
    public String id() {
        return MetamorphicCheck.KIND;
    }

    @Override
    public String description() {
        return "Metamorphic tests: invariance (INV), directional expectations (DIR) and hand-written cases (MFT), as fail "
                + "rates with Wilson intervals and the failing rows.";
    }

    @Override
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new ArrayList<>(List.of(
                new ConfigKey("test", "inv, dir or mft"),
                new ConfigKey("perturbation", "inv/dir: a catalog perturbation (see docs/robustness.md)"),
                new ConfigKey("substitute", "inv/dir: {column: sex, from: Male, to: Female}"),
                new ConfigKey("change", "inv/dir: {column: capital-gain, add: 5000} (or multiply, set)"),
                new ConfigKey("columns", "with a perturbation: the columns it may change"),
                new ConfigKey("immutable", "with a perturbation: columns never changed"),
                new ConfigKey("tolerance", "inv: a flip passes when the original class's probability moved at most this; dir: "
                        + "slack on the direction (default 0)"),
                new ConfigKey("direction", "dir: not_decrease or not_increase"),
                new ConfigKey("class", "dir: the class whose probability must move (default the positive class)"),
                new ConfigKey("cases", "mft: CSV text, a header then one case per line"),
                new ConfigKey("cases_file", "mft: a CSV file of cases"),
                new ConfigKey("expected", "mft: the column of expected classes (default the label column)"),
                new ConfigKey("max_rows", "inv/dir: test a sample of this many rows, drawn with the seed (default "
                        + PerturbationCheckKind.DEFAULT_MAX_ROWS + ")"),
                new ConfigKey("examples", "failing rows shown (default 10)")));
        for (String key : PerturbationCatalog.settingKeys()) {
            if (!key.equals("columns")) {
                out.add(new ConfigKey(key, "a setting of the perturbation"));
            }
        }
        return out;
    }

    @Override
    public String measures() {
        return "fail_rate, failures, tested";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withModel();
    }

    @Override
    public String defaultName(CheckConfig config) {
        String test = config.string("test", "metamorphic").toUpperCase(java.util.Locale.ROOT);
        try {
            if (test.equals("MFT")) {
                return "MFT: hand-written cases";
            }
            return test + ": " + transformation(config, null, 0).describe();
        } catch (InvalidInputException e) {
            return test + " metamorphic test";
        }
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        Test test = config.choice("test", Test.class, null);
        if (test == null) {
            throw config.error("test", "missing key 'test'; give inv, dir or mft.");
        }
        long examples = config.integer("examples", 10);
        if (examples < 0 || examples > Integer.MAX_VALUE) {
            throw config.error("examples", "examples must be a whole number of 0 or more, found " + examples + ".");
        }
        int maxRows = config.positiveInt("max_rows", PerturbationCheckKind.DEFAULT_MAX_ROWS);
        double tolerance = config.number("tolerance", 0);
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw config.error("tolerance", "tolerance is a change of probability between 0 and 1, found " + tolerance + ".");
        }
        MetamorphicCheck.Spec spec = new MetamorphicCheck.Spec(test, tolerance, (int) examples, maxRows);
        if (test == Test.MFT) {
            return new MetamorphicCheck(setup, spec.withCases(cases(config), config.string("expected", null)));
        }
        transformation(config, null, 0);
        MetamorphicTests.Direction direction = config.choice("direction", MetamorphicTests.Direction.class, null);
        if (test == Test.DIR && direction == null) {
            throw config.error("direction", "a dir test needs 'direction: not_decrease' or 'direction: not_increase'.");
        }
        return new MetamorphicCheck(setup, spec.withChange((target, seed) -> transformation(config, target, seed),
                config.has("perturbation"), config.strings("columns"), config.strings("immutable"), direction, config.string("class", null)));
    }

    /** The declared change; a perturbation needs its target, which the data decides ({@code null} while parsing). */
    static Transformation transformation(CheckConfig config, PerturbationTarget target, long seed) {
        int declared = (config.has("perturbation") ? 1 : 0) + (config.has("substitute") ? 1 : 0) + (config.has("change") ? 1 : 0);
        if (declared != 1) {
            throw config.error("test", "inv and dir tests need exactly one of 'perturbation', 'substitute' or 'change', found "
                    + declared + ".");
        }
        if (config.has("substitute")) {
            Map<String, String> s = config.stringMap("substitute");
            for (String key : List.of("column", "from", "to")) {
                if (!s.containsKey(key)) {
                    throw config.error("substitute", "substitute needs column, from and to, e.g. {column: sex, from: Male, to: "
                            + "Female}; '" + key + "' is missing.");
                }
            }
            return Transformation.substitution(s.get("column"), s.get("from"), s.get("to"));
        }
        if (config.has("change")) {
            Map<String, String> c = config.stringMap("change");
            List<Transformation.Operation> ops = new ArrayList<>();
            for (Transformation.Operation op : Transformation.Operation.values()) {
                if (c.containsKey(op.name().toLowerCase(java.util.Locale.ROOT))) {
                    ops.add(op);
                }
            }
            if (!c.containsKey("column") || ops.size() != 1) {
                throw config.error("change", "change needs a column and one of add, multiply or set, e.g. {column: "
                        + "capital-gain, add: 5000}.");
            }
            String amount = c.get(ops.get(0).name().toLowerCase(java.util.Locale.ROOT));
            try {
                return Transformation.change(c.get("column"), ops.get(0), Double.parseDouble(amount.trim()));
            } catch (NumberFormatException e) {
                throw config.error("change", "the amount of change must be a number, found '" + amount + "'.");
            }
        }
        try {
            Perturbation p = PerturbationCatalog.create(config.string("perturbation", null),
                    new PerturbationSettings() {
                        @Override
                        public double number(String key, double fallback) {
                            return config.number(key, fallback);
                        }

                        @Override
                        public String text(String key, String fallback) {
                            return config.string(key, fallback);
                        }
                    });
            return Transformation.perturbation(p, target, seed);
        } catch (InvalidInputException e) {
            throw config.error("perturbation", e.getMessage());
        }
    }

    private static MetamorphicCheck.Cases cases(CheckConfig config) {
        if (config.has("cases") == config.has("cases_file")) {
            throw config.error("cases", "an mft test needs 'cases' (CSV text) or 'cases_file' (a CSV file), one of them.");
        }
        if (config.has("cases")) {
            return new MetamorphicCheck.Cases("the cases of the suite", config.string("cases", ""));
        }
        String file = config.location("cases_file", null);
        try {
            return new MetamorphicCheck.Cases(file, Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            throw config.error("cases_file", "cannot read the cases file " + file + " (" + e.getMessage() + "); check the path, "
                    + "relative to the suite file.");
        }
    }
}
