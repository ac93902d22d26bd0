package dev.assay.core.privacy.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.privacy.dp.Mechanism;
import java.util.List;

/**
 * {@code type: dp_release}: publishes per-group counts and rates of the current data with differential privacy, so
 * that fairness and performance numbers about a sensitive attribute can be shared. Keys: {@code group_by} (the
 * attribute), {@code statistics} (count, positive_rate, selection_rate, accuracy, true_positive_rate; default count
 * and selection_rate), {@code epsilon} (the whole budget), {@code delta} (Gaussian only), {@code mechanism}
 * (laplace or gaussian), {@code groups} (the public list of groups; default the values found), {@code positive}
 * and {@code reproducible} (seeded noise, for tests only). See {@link DpReleaseCheck}.
 */
public final class DpReleaseCheckKind implements CheckKind {

    @Override
    public String id() {
        return DpReleaseCheck.KIND;
    }

    @Override
    public String description() {
        return "Differentially private group counts and rates (performance and fairness numbers about a sensitive"
                + " attribute), with the privacy budget spent.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("group_by", "the sensitive column whose groups are released"),
                new ConfigKey("statistics", "any of " + DpReleaseCheck.STATISTICS + " (default: count, selection_rate)"),
                new ConfigKey("epsilon", "the privacy budget of the whole release, in (0, 100]"),
                new ConfigKey("delta", "the delta of the gaussian mechanism, in (0, 0.01] (default: 1e-6 for gaussian, 0 for laplace)"),
                new ConfigKey("mechanism", "laplace (exact discrete Laplace, pure epsilon-DP; the default) or gaussian (exact"
                        + " discrete Gaussian, (epsilon, delta)-DP)"),
                new ConfigKey("groups", "the groups to release, known in advance (default: the values in the data, which"
                        + " reveals which groups exist)"),
                new ConfigKey("positive", "the positive class of label and prediction (default: the evaluation's, else the"
                        + " greater label value)"),
                new ConfigKey("reproducible", "true: draw the noise from the check's seed (for tests; a known seed"
                        + " undoes the privacy); default false: a SecureRandom"));
    }

    @Override
    public String measures() {
        return String.join(", ", DpReleaseCheck.STATISTICS) + ", epsilon_spent, delta_spent";
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withRoles(ColumnRole.LABEL);
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Private release by " + config.string("group_by", "?");
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        String groupBy = config.requireString("group_by");
        List<String> statistics = config.has("statistics") ? config.strings("statistics") : List.of("count", "selection_rate");
        for (String s : statistics) {
            if (!DpReleaseCheck.STATISTICS.contains(s)) {
                throw config.error("statistics", "unknown statistic '" + s + "'; use any of " + DpReleaseCheck.STATISTICS + ".");
            }
        }
        if (statistics.isEmpty()) {
            throw config.error("statistics", "name at least one statistic of " + DpReleaseCheck.STATISTICS + ".");
        }
        if (!config.has("epsilon")) {
            throw config.error("epsilon", "missing key 'epsilon': the privacy budget of the release, e.g. epsilon: 1.");
        }
        double epsilon = config.number("epsilon", 1);
        if (!(epsilon > 0 && epsilon <= 100)) {
            throw config.error("epsilon", "epsilon must be in (0, 100], found " + epsilon + ".");
        }
        Mechanism mechanism = config.choice("mechanism", Mechanism.class, Mechanism.LAPLACE);
        double delta = config.number("delta", mechanism == Mechanism.GAUSSIAN ? 1e-6 : 0);
        if (mechanism == Mechanism.GAUSSIAN && !(delta > 0 && delta <= 0.01)) {
            throw config.error("delta", "the gaussian mechanism needs delta in (0, 0.01], found " + delta + ".");
        }
        if (mechanism == Mechanism.LAPLACE && delta != 0) {
            throw config.error("delta", "the laplace mechanism spends no delta; leave delta out or use mechanism: gaussian.");
        }
        List<String> groups = config.has("groups") ? config.strings("groups") : List.of();
        return new DpReleaseCheck(setup, new DpReleaseCheck.Settings(groupBy, List.copyOf(statistics), epsilon, delta, mechanism,
                groups, config.string("positive", null), config.bool("reproducible", false)));
    }
}
