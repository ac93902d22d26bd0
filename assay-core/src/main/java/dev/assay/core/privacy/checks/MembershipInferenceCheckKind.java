package dev.assay.core.privacy.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.privacy.membership.MembershipSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code type: membership_inference}: threshold membership-inference attacks on the suite's model, the reference data
 * being its training rows and the current data held-out rows. Keys: {@code attack: loss|entropy|modified_entropy|all}
 * (default all) and {@code delta} of the ε bound (default 1e-5). Measures, for the strongest attack run,
 * {@code auc}, {@code advantage}, {@code tpr_at_fpr[0.01]}, {@code tpr_at_fpr[0.001]} (with Clopper-Pearson intervals)
 * and {@code epsilon_lower_bound}.
 */
public final class MembershipInferenceCheckKind implements CheckKind {

    @Override
    public String id() {
        return MembershipInferenceCheck.KIND;
    }

    @Override
    public String description() {
        return "Membership inference: how well loss or entropy thresholds tell the model's training rows (reference) from"
                + " held-out rows (current); AUC, advantage, TPR at low FPR and an empirical epsilon lower bound.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("attack", "loss, entropy, modified_entropy or all (default: all; the measurements are"
                        + " the strongest attack's)"),
                new ConfigKey("delta", "the delta of the empirical epsilon lower bound, in [0, 0.1] (default 1e-5)"));
    }

    @Override
    public String measures() {
        return String.join(", ", MembershipInferenceCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.MODEL_AND_LABEL.withReference();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Membership inference";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        return new MembershipInferenceCheck(setup, signals(config), delta(config));
    }

    static List<MembershipSignal> signals(CheckConfig config) {
        String attack = config.string("attack", "all");
        if (attack.strip().equalsIgnoreCase("all")) {
            return Arrays.asList(MembershipSignal.values());
        }
        MembershipSignal s = MembershipSignal.byId(attack);
        if (s == null) {
            List<String> allowed = new ArrayList<>();
            Arrays.stream(MembershipSignal.values()).map(MembershipSignal::id).forEach(allowed::add);
            allowed.add("all");
            throw config.error("attack", "unknown attack '" + attack + "'; use one of " + allowed + ".");
        }
        return List.of(s);
    }

    static double delta(CheckConfig config) {
        double delta = config.number("delta", MembershipInferenceCheck.DEFAULT_DELTA);
        if (!(delta >= 0 && delta <= 0.1)) {
            throw config.error("delta", "delta must be in [0, 0.1], found " + delta + ".");
        }
        return delta;
    }
}
