package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.assay.core.privacy.membership.AttackResult;
import dev.assay.core.privacy.membership.TprAtFpr;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code assay privacy mia}: the strongest attack's numbers at the top level ({@code auc},
 * {@code advantage}, {@code tpr_at_fpr} {"0.01": {value, ci_low, ci_high, fpr}, "0.001": ...},
 * {@code epsilon_lower_bound}) and every attack under {@code attacks}.
 */
final class MembershipReport {
    final String model;
    final String train;
    final String test;
    final String label;
    final List<AttackResult> attacks;
    final AttackResult strongest;

    MembershipReport(String model, String train, String test, String label, List<AttackResult> attacks) {
        this.model = model;
        this.train = train;
        this.test = test;
        this.label = label;
        this.attacks = List.copyOf(attacks);
        this.strongest = attacks.stream().max(Comparator.comparingDouble(AttackResult::auc)).orElseThrow();
    }

    String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("train", train);
        out.put("test", test);
        out.put("label", label);
        out.put("members", strongest.members());
        out.put("non_members", strongest.nonMembers());
        out.put("attack", strongest.signal().id());
        out.putAll(numbers(strongest));
        out.put("delta", strongest.delta());
        out.put("confidence", strongest.level());
        out.put("interval_method", "clopper-pearson");
        List<Map<String, Object>> all = new ArrayList<>();
        for (AttackResult r : attacks) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("attack", r.signal().id());
            a.putAll(numbers(r));
            all.add(a);
        }
        out.put("attacks", all);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> numbers(AttackResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auc", r.auc());
        out.put("advantage", r.advantage());
        Map<String, Object> tpr = new LinkedHashMap<>();
        for (TprAtFpr t : r.tprAtFpr()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", t.value());
            v.put("ci_low", t.ciLow());
            v.put("ci_high", t.ciHigh());
            v.put("fpr", t.fpr());
            tpr.put(Double.toString(t.target()), v);
        }
        out.put("tpr_at_fpr", tpr);
        out.put("epsilon_lower_bound", r.epsilonLowerBound());
        return out;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Membership inference on ").append(model).append('\n')
                .append("  members: ").append(strongest.members()).append(" rows of ").append(train)
                .append("; non-members: ").append(strongest.nonMembers()).append(" rows of ").append(test).append("\n\n");
        sb.append(String.format(Locale.ROOT, "  %-17s %7s %10s %24s %24s %10s%n", "attack", "auc", "advantage",
                "tpr@fpr=0.01 (95% CI)", "tpr@fpr=0.001 (95% CI)", "epsilon>="));
        for (AttackResult r : attacks) {
            sb.append(String.format(Locale.ROOT, "  %-17s %7.4f %10.4f %24s %24s %10.4f%n", r.signal().id(), r.auc(),
                    r.advantage(), tpr(r.tprAtFpr().get(0)), tpr(r.tprAtFpr().get(1)), r.epsilonLowerBound()));
        }
        sb.append('\n').append(verdict()).append('\n');
        return sb.toString();
    }

    /** One sentence on the strongest attack, for text and HTML. */
    String verdict() {
        return String.format(Locale.ROOT, "Strongest attack: %s, AUC %.3f (0.5 = guessing), advantage %.3f; the training"
                + " is not (epsilon, %.0e)-differentially private for any epsilon below %.3f (95%% confidence; optimistic,"
                + " as the threshold is chosen on these rows).",
                strongest.signal().id(), strongest.auc(), strongest.advantage(), strongest.delta(), strongest.epsilonLowerBound());
    }

    static String tpr(TprAtFpr t) {
        return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", t.value(), t.ciLow(), t.ciHigh());
    }
}
