package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.metamorphic.CaseTable;
import dev.assay.core.robustness.metamorphic.MetamorphicResult;
import dev.assay.core.robustness.metamorphic.MetamorphicTests;
import dev.assay.core.robustness.metamorphic.Transformation;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Runs one {@link MetamorphicTests} test with the suite's model. Built by {@link MetamorphicCheckKind}. */
final class MetamorphicCheck extends MeasuringCheck {
    static final String KIND = "metamorphic";

    /** MFT cases as CSV text, with where they come from. */
    record Cases(String source, String text) {
    }

    /** What to test. */
    record Spec(MetamorphicCheckKind.Test test, double tolerance, int examples, int maxRows, Cases cases, String expected,
            BiFunction<PerturbationTarget, Long, Transformation> change, boolean perturbation, List<String> columns,
            List<String> immutable, MetamorphicTests.Direction direction, String scoreClass) {

        Spec(MetamorphicCheckKind.Test test, double tolerance, int examples, int maxRows) {
            this(test, tolerance, examples, maxRows, null, null, null, false, List.of(), List.of(), null, null);
        }

        Spec withCases(Cases c, String expectedColumn) {
            return new Spec(test, tolerance, examples, maxRows, c, expectedColumn, null, false, List.of(), List.of(), null, null);
        }

        Spec withChange(BiFunction<PerturbationTarget, Long, Transformation> f, boolean isPerturbation, List<String> cols,
                List<String> frozen, MetamorphicTests.Direction d, String cls) {
            return new Spec(test, tolerance, examples, maxRows, null, null, f, isPerturbation, cols, frozen, d, cls);
        }
    }

    private final Spec spec;

    MetamorphicCheck(CheckSetup setup, Spec spec) {
        super(setup, KIND, List.of("fail_rate", "failures", "tested"), Requirements.NONE.withModel());
        this.spec = spec;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("test", spec.test().name().toLowerCase(Locale.ROOT));
        if (spec.test() != MetamorphicCheckKind.Test.MFT) {
            out.put("tolerance", Double.toString(spec.tolerance()));
            out.put("max_rows", Integer.toString(spec.maxRows()));
            out.put("seed", Long.toString(setup().seed()));
        }
        if (spec.direction() != null) {
            out.put("direction", spec.direction().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Model model = context.model().orElseThrow();
        MetamorphicResult r = spec.test() == MetamorphicCheckKind.Test.MFT ? mft(model, data) : pairwise(model, data);
        Observations obs = new Observations();
        IntervalEstimate ci = r.failRateInterval(IntervalSettings.DEFAULT_LEVEL);
        obs.measurement(new Measurement("fail_rate", null, r.failRate(), ci.interval(), null, r.tested(),
                r.tested() == 0 ? "no row was changed by the transformation, so nothing was tested" : ci.undefinedReason(), List.of()));
        obs.measurement(Measurement.of("failures", r.failures(), r.tested()));
        obs.measurement(Measurement.of("tested", r.tested(), r.tested()));
        List<List<Object>> rows = new ArrayList<>();
        for (MetamorphicResult.Failure f : r.examples()) {
            rows.add(Arrays.asList(f.row(), f.change(), f.before(), f.after(), number(f.scoreBefore()), number(f.scoreAfter())));
        }
        boolean mft = spec.test() == MetamorphicCheckKind.Test.MFT;
        obs.table(new EvidenceTable("Failing " + (mft ? "cases" : "rows") + " (first " + spec.examples() + ")",
                mft ? List.of("case", "values", "expected", "predicted", "score_before", "score_predicted")
                        : List.of("row", "changes", "predicted_before", "predicted_after", "score_before", "score_after"), rows));
        obs.note(switch (spec.test()) {
            case INV -> "INV: a row fails when its predicted class changes" + (spec.tolerance() > 0 ? " and the probability of "
                    + "its original class moved by more than " + spec.tolerance() : "") + ".";
            case DIR -> "DIR: a row fails when the probability of '" + scoreClass(model, data) + "' "
                    + (spec.direction() == MetamorphicTests.Direction.NOT_DECREASE ? "falls" : "rises") + " by more than "
                    + spec.tolerance() + ".";
            case MFT -> "MFT: a case fails when the predicted class is not its expected class.";
        } + " Only rows the change alters are tested; fail rate with a 95% Wilson interval.");
        obs.summary(String.format(Locale.ROOT, "%d of %d %s failed (%.4f)", r.failures(), r.tested(),
                mft ? "cases" : "changed rows", r.failRate()));
        return obs;
    }

    private MetamorphicResult pairwise(Model model, Dataset data) {
        Frame frame = data.frame();
        if (frame.rowCount() > spec.maxRows()) {
            frame = frame.slice(RowSample.indices(frame.rowCount(), spec.maxRows(), setup().seed()));
        }
        PerturbationTarget target = null;
        if (spec.perturbation()) {
            List<String> cols = spec.columns().isEmpty() ? ModelInputs.of(model, frame, data.schema().label()) : spec.columns();
            Constraints c = Constraints.NONE.withImmutable(new LinkedHashSet<>(spec.immutable()));
            target = PerturbationTarget.of(frame, cols, c);
        }
        Transformation change = spec.change().apply(target, setup().seed());
        if (spec.test() == MetamorphicCheckKind.Test.INV) {
            return MetamorphicTests.inv(model, frame, change, spec.tolerance(), spec.examples());
        }
        return MetamorphicTests.dir(model, frame, change, scoreClass(model, data), spec.direction(), spec.tolerance(),
                spec.examples());
    }

    private MetamorphicResult mft(Model model, Dataset data) {
        String expected = spec.expected() != null ? spec.expected() : data.schema().label();
        if (expected == null) {
            throw new InvalidInputException("The mft test needs the column of expected classes: set 'expected' or a label column.");
        }
        Frame cases = CaseTable.parse(spec.cases().source(), spec.cases().text(), data.frame(), List.of(expected));
        return MetamorphicTests.mft(model, cases, cases.column(expected), spec.examples());
    }

    private String scoreClass(Model model, Dataset data) {
        if (spec.scoreClass() != null) {
            return spec.scoreClass();
        }
        if (setup().evaluation().positiveClass() != null) {
            return setup().evaluation().positiveClass();
        }
        List<String> classes = model.info().classes();
        if (classes.size() != 2) {
            throw new InvalidInputException("Name the class whose probability must move with 'class'; model "
                    + model.info().name() + " has classes " + classes + ".");
        }
        return classes.get(0).compareTo(classes.get(1)) > 0 ? classes.get(0) : classes.get(1);
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
