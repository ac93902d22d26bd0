package dev.assay.core.privacy.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.privacy.membership.AttackResult;
import dev.assay.core.privacy.membership.MembershipInference;
import dev.assay.core.privacy.membership.MembershipSignal;
import dev.assay.core.privacy.membership.TprAtFpr;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@link MembershipInference} with the reference data as the model's training rows and the current data as
 * held-out rows, and reports the strongest attack (highest AUC) as the measurements, every attack in a table.
 * Columns the run added for predictions (prediction, score, class probabilities) are left out before the two
 * data sets are compared. Built by {@link MembershipInferenceCheckKind}.
 */
final class MembershipInferenceCheck extends MeasuringCheck {
    static final String KIND = "membership_inference";
    static final double DEFAULT_DELTA = 1e-5;
    static final double LEVEL = 0.95;
    static final double[] FPR_TARGETS = {0.01, 0.001};
    static final List<String> MEASURES = List.of("auc", "advantage", "tpr_at_fpr", "epsilon_lower_bound");

    private final List<MembershipSignal> signals;
    private final double delta;

    MembershipInferenceCheck(CheckSetup setup, List<MembershipSignal> signals, double delta) {
        super(setup, KIND, MEASURES, new MembershipInferenceCheckKind().requires());
        this.signals = List.copyOf(signals);
        this.delta = delta;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("attack", signals.stream().map(MembershipSignal::id).collect(Collectors.joining(",")));
        out.put("delta", Double.toString(delta));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset test = context.current();
        Dataset train = context.reference().orElseThrow();
        String label = test.schema().label();
        List<AttackResult> results = new MembershipInference(context.model().orElseThrow(), label)
                .run(inputs(train), inputs(test), signals, FPR_TARGETS, delta, LEVEL, Progress.NONE);
        AttackResult best = results.stream().max(Comparator.comparingDouble(AttackResult::auc)).orElseThrow();
        long n = (long) best.members() + best.nonMembers();
        Observations obs = new Observations();
        obs.measurement(Measurement.of("auc", best.auc(), n));
        obs.measurement(Measurement.of("advantage", best.advantage(), n));
        for (TprAtFpr t : best.tprAtFpr()) {
            obs.measurement(new Measurement("tpr_at_fpr", Double.toString(t.target()), t.value(),
                    new Interval(t.ciLow(), t.ciHigh(), LEVEL, "clopper-pearson"), null, best.members(), null, List.of()));
        }
        obs.measurement(Measurement.of("epsilon_lower_bound", best.epsilonLowerBound(), n));
        obs.table(table(results));
        obs.note("Members: the " + best.members() + " reference (training) rows; non-members: the " + best.nonMembers()
                + " current (held-out) rows. The measurements are those of the strongest attack, " + best.signal().id()
                + ". The epsilon bound (delta " + delta + ") maximises over thresholds chosen on these rows, so it is optimistic.");
        obs.summary(String.format(java.util.Locale.ROOT, "%s attack: AUC %.3f, advantage %.3f, epsilon >= %.3f",
                best.signal().id(), best.auc(), best.advantage(), best.epsilonLowerBound()));
        return obs;
    }

    /** The frame without the columns the run added for the model's predictions. */
    static Frame inputs(Dataset data) {
        Schema s = data.schema();
        List<String> added = new ArrayList<>();
        if (s.prediction() != null) {
            added.add(s.prediction());
        }
        if (s.score() != null) {
            added.add(s.score());
        }
        added.addAll(s.classProbabilities().values());
        return data.frame().select(data.frame().columnNames().stream().filter(c -> !added.contains(c)).toList());
    }

    private static EvidenceTable table(List<AttackResult> results) {
        List<List<Object>> rows = new ArrayList<>();
        for (AttackResult r : results) {
            rows.add(List.of(r.signal().id(), r.auc(), r.advantage(), r.tprAtFpr().get(0).value(), r.tprAtFpr().get(1).value(),
                    r.epsilonLowerBound()));
        }
        return new EvidenceTable("Membership-inference attacks", List.of("attack", "auc", "advantage", "tpr at fpr 0.01",
                "tpr at fpr 0.001", "epsilon lower bound"), rows);
    }
}
