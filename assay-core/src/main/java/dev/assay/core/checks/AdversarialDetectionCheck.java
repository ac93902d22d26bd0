package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.model.Model;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.detection.NoiseDetector;
import dev.assay.core.robustness.metamorphic.CaseTable;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the {@link NoiseDetector} on adversarial and clean rows. Built by {@link AdversarialDetectionCheckKind}. */
final class AdversarialDetectionCheck extends MeasuringCheck {
    static final String KIND = "adversarial_detection";
    private static final int EXAMPLES = 10;

    /** What to run. */
    record Spec(String file, String text, Perturbation noise, int copies, double share, int maxRows, List<String> columns,
            List<String> immutable) {
    }

    private final Spec spec;

    AdversarialDetectionCheck(CheckSetup setup, Spec spec) {
        super(setup, KIND, List.of("detection_rate", "false_positive_rate", "adversarial_rows", "clean_rows"),
                Requirements.NONE.withModel());
        this.spec = spec;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("adversarial_file", spec.file());
        spec.noise().settings().forEach(out::put);
        out.put("copies", Integer.toString(spec.copies()));
        out.put("share", Double.toString(spec.share()));
        out.put("max_rows", Integer.toString(spec.maxRows()));
        out.put("seed", Long.toString(setup().seed()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = context.model().orElseThrow();
        Frame clean = context.current().frame();
        if (clean.rowCount() > spec.maxRows()) {
            clean = clean.slice(RowSample.indices(clean.rowCount(), spec.maxRows(), setup().seed()));
        }
        List<String> inputs = spec.columns().isEmpty() ? ModelInputs.of(model, clean, context.current().schema().label())
                : spec.columns();
        Frame adversarial = CaseTable.parse(spec.file(), spec.text(), clean, inputs);
        PerturbationTarget target = PerturbationTarget.of(clean, inputs,
                Constraints.NONE.withImmutable(new LinkedHashSet<>(spec.immutable())));
        NoiseDetector detector = new NoiseDetector(model, spec.noise(), target, spec.copies(), spec.share(), setup().seed());
        NoiseDetector.Detection onAdversarial = detector.detect(adversarial);
        NoiseDetector.Detection onClean = detector.detect(clean);
        Observations obs = new Observations();
        rate(obs, "detection_rate", onAdversarial.flaggedCount(), adversarial.rowCount());
        rate(obs, "false_positive_rate", onClean.flaggedCount(), clean.rowCount());
        obs.measurement(Measurement.of("adversarial_rows", adversarial.rowCount(), adversarial.rowCount()));
        obs.measurement(Measurement.of("clean_rows", clean.rowCount(), clean.rowCount()));
        List<List<Object>> rows = new ArrayList<>();
        examples(rows, "adversarial, missed", adversarial, onAdversarial, false);
        examples(rows, "clean, flagged", clean, onClean, true);
        obs.table(new EvidenceTable("Missed adversarial rows and falsely flagged clean rows (first " + EXAMPLES + " of each)",
                List.of("set", "row", "changed_copies", "copies"), rows));
        obs.note("A row is flagged when its predicted class changes in more than " + spec.share() + " of " + spec.copies()
                + " copies with Gaussian noise of sigma " + spec.noise().settings().get("sigma") + " times each numeric column's "
                + "spread in the clean data; rates with 95% Wilson intervals; " + (spec.copies() + 1) * 2 + " model calls.");
        obs.summary(String.format(Locale.ROOT, "flagged %d of %d adversarial rows and %d of %d clean rows",
                onAdversarial.flaggedCount(), adversarial.rowCount(), onClean.flaggedCount(), clean.rowCount()));
        return obs;
    }

    private static void rate(Observations obs, String name, long k, long n) {
        IntervalEstimate ci = WilsonInterval.of(k, n, IntervalSettings.DEFAULT_LEVEL);
        obs.measurement(new Measurement(name, null, n == 0 ? Double.NaN : (double) k / n, ci.interval(), null, n,
                ci.undefinedReason(), List.of()));
    }

    private static void examples(List<List<Object>> out, String set, Frame rows, NoiseDetector.Detection d, boolean flagged) {
        int shown = 0;
        for (int i = 0; i < rows.rowCount() && shown < EXAMPLES; i++) {
            if (d.flagged()[i] == flagged) {
                out.add(Arrays.asList(set, rows.describeRow(i), d.changed()[i], d.copies()));
                shown++;
            }
        }
    }
}
