package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.result.Interval;
import dev.assay.core.robustness.PerturbationEffect;
import dev.assay.core.robustness.attack.AdversarialResult;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.EpsilonResult;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code assay robustness} measured: one entry per perturbation ({@link PerturbationEffect}) and per attack
 * ({@link AdversarialResult}, with its budgets keyed as written on the command line), as JSON or text.
 */
final class RobustnessReport {
    private static final int EXAMPLES = 5;

    /** One changed value of an example row. */
    record Change(String column, String before, String after) {
    }

    /** One example row before and after, from a perturbation or an attack at one budget. */
    record Example(String row, String budget, List<Change> changes, double scoreBefore, double scoreAfter, String before,
            String after) {
    }

    /** An attack's outcome with the rows it ran on. */
    record Attack(AdversarialResult result, Frame rows) {
        String name() {
            return result.settings().method().name().toLowerCase(Locale.ROOT);
        }
    }

    final String data;
    final String model;
    final String label;
    final String positive;
    final int rows;
    final List<String> eps;
    final List<String> notes;
    final List<PerturbationEffect> perturbations = new ArrayList<>();
    final List<Attack> attacks = new ArrayList<>();

    /** @param eps the budgets as written on the command line, in the order of each attack's results */
    RobustnessReport(String data, String model, String label, String positive, int rows, List<String> eps, List<String> notes) {
        this.data = data;
        this.model = model;
        this.label = label;
        this.positive = positive;
        this.rows = rows;
        this.eps = List.copyOf(eps);
        this.notes = notes;
    }

    void add(PerturbationEffect effect) {
        perturbations.add(effect);
    }

    void add(AdversarialResult result, Frame frame) {
        attacks.add(new Attack(result, frame));
    }

    /** The perturbation's example rows, with the changes split into values. */
    static List<Example> examples(PerturbationEffect e) {
        List<Example> out = new ArrayList<>();
        for (PerturbationEffect.Example x : e.examples()) {
            List<Change> changes = new ArrayList<>();
            for (String part : x.changes().split("; ")) {
                int colon = part.indexOf(": ");
                int arrow = part.indexOf(" → ", Math.max(colon, 0));
                if (colon > 0 && arrow > colon) {
                    changes.add(new Change(part.substring(0, colon), part.substring(colon + 2, arrow), part.substring(arrow + 3)));
                }
            }
            out.add(new Example(x.row(), null, changes, x.scoreBefore(), x.scoreAfter(), x.before(), x.after()));
        }
        return out;
    }

    /** The attack's first example rows, smallest budget first. */
    List<Example> examples(Attack a) {
        List<Example> out = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < eps.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> Double.compare(a.result().results().get(x).eps(), a.result().results().get(y).eps()));
        for (int b : order) {
            EpsilonResult e = a.result().results().get(b);
            for (int k = 0; k < e.rowIndex().length && out.size() < EXAMPLES; k++) {
                int i = e.rowIndex()[k];
                List<Change> changes = new ArrayList<>();
                for (String c : a.result().columns()) {
                    String before = a.rows().column(c).format(i);
                    String after = e.adversarial().column(c).format(k);
                    if (!Objects.equals(before, after)) {
                        changes.add(new Change(c, before, after));
                    }
                }
                out.add(new Example(a.rows().describeRow(i), eps.get(b), changes, e.scoreBefore()[k], e.scoreAfter()[k], null,
                        null));
            }
        }
        return out;
    }

    /** Robust accuracy of attack {@code a} at budget {@code b}, unconditional (Foolbox) or among clean-correct rows (ART). */
    static double robustAccuracy(Attack a, int b, boolean conditional) {
        EpsilonResult e = a.result().results().get(b);
        return conditional ? e.conditionalRobustAccuracy() : e.robustAccuracy();
    }

    /** Share of clean-correct rows fooled at some budget. */
    static double successRate(AdversarialResult r) {
        return r.cleanCorrect() == 0 ? Double.NaN : (double) r.fooledRows() / r.cleanCorrect();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("model", model);
        root.put("label", label);
        root.put("positive_class", positive);
        root.put("rows", rows);
        ObjectNode results = root.putObject("results");
        for (PerturbationEffect e : perturbations) {
            ObjectNode p = results.putObject(e.perturbation());
            p.put("type", "perturbation");
            ObjectNode settings = p.putObject("settings");
            e.settings().forEach(settings::put);
            p.put("metric", e.metric());
            number(p, "clean", e.clean());
            number(p, "perturbed", e.perturbed());
            estimate(p.putObject(e.metric() + "_drop"), e.drop(), e.dropInterval());
            estimate(p.putObject("flip_rate"), e.flips().flipRate(), e.flips().flipRateInterval(IntervalSettings.DEFAULT_LEVEL));
            estimate(p.putObject("mean_abs_score_change"), e.flips().meanAbsChange(), e.meanAbsScoreChangeInterval());
            p.put("changed_rows", e.changedRows());
            p.put("unscored_rows", e.unscoredRows());
            examples(p.putArray("examples"), examples(e));
        }
        for (Attack a : attacks) {
            AdversarialResult r = a.result();
            ObjectNode o = results.putObject(a.name());
            o.put("type", "attack");
            ObjectNode s = o.putObject("attack");
            AttackSettings set = r.settings();
            s.put("method", a.name());
            s.put("norm", set.norm().name().toLowerCase(Locale.ROOT));
            s.put("steps", set.steps());
            number(s, "step_size", set.step(Math.max(r.columns().size(), 1)));
            s.put("step_size_unit", "fraction of eps");
            s.put("scale", set.rawScale() ? "raw" : "std");
            s.put("gradient_source", r.gradientSource().replace(' ', '_'));
            s.put("gradient_calls", r.gradientCalls());
            s.put("seed", set.seed());
            ArrayNode cols = s.putArray("columns");
            r.columns().forEach(cols::add);
            number(o, "clean_accuracy", r.cleanAccuracy());
            ObjectNode robust = o.putObject("robust_accuracy");
            ObjectNode conditional = o.putObject("robust_accuracy_conditional");
            ObjectNode success = o.putObject("success_rate_by_eps");
            for (int b = 0; b < eps.size(); b++) {
                number(robust, eps.get(b), robustAccuracy(a, b, false));
                number(conditional, eps.get(b), robustAccuracy(a, b, true));
                number(success, eps.get(b), r.results().get(b).successRate());
            }
            number(o, "success_rate", successRate(r));
            number(o, "mean_minimal_perturbation", r.meanMinimalPerturbation());
            o.put("clean_correct_rows", r.cleanCorrect());
            o.put("fooled_rows", r.fooledRows());
            o.put("model_calls", r.calls());
            o.put("rows_scored", r.rowsScored());
            examples(o.putArray("examples"), examples(a));
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Robustness of ").append(model).append(" on ").append(data).append(" (").append(rows).append(" rows, positive class ")
                .append(positive).append(")\n");
        if (!perturbations.isEmpty()) {
            sb.append("\nPerturbations (drop with 95% paired bootstrap interval; flip rate with Wilson interval)\n");
            for (PerturbationEffect e : perturbations) {
                sb.append(String.format(Locale.ROOT, "  %-16s %s_drop %s  flip_rate %s  mean_abs_score_change %s%n", e.perturbation(),
                        e.metric(), withInterval(e.drop(), e.dropInterval()),
                        withInterval(e.flips().flipRate(), e.flips().flipRateInterval(IntervalSettings.DEFAULT_LEVEL)),
                        withInterval(e.flips().meanAbsChange(), e.meanAbsScoreChangeInterval())));
            }
        }
        for (Attack a : attacks) {
            AdversarialResult r = a.result();
            sb.append(String.format(Locale.ROOT, "%nAttack %s (%s): clean accuracy %s; success rate %s; mean minimal perturbation %s;"
                    + " %d model calls%n", a.name(), r.settings().norm().name().toLowerCase(Locale.ROOT), Format.number(r.cleanAccuracy()),
                    Format.number(successRate(r)), Format.number(r.meanMinimalPerturbation()), r.calls()));
            for (int b = 0; b < eps.size(); b++) {
                sb.append(String.format(Locale.ROOT, "  eps %-8s robust accuracy %-10s among clean-correct %s%n", eps.get(b),
                        Format.number(robustAccuracy(a, b, false)), Format.number(robustAccuracy(a, b, true))));
            }
        }
        notes.forEach(x -> sb.append("\nnote: ").append(x));
        return sb.append('\n').toString();
    }

    static String withInterval(double v, IntervalEstimate ci) {
        if (ci == null || !ci.defined()) {
            return Format.number(v);
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", v, ci.interval().lower(), ci.interval().upper());
    }

    private static void examples(ArrayNode out, List<Example> examples) {
        for (Example x : examples) {
            ObjectNode o = out.addObject();
            o.put("row", x.row());
            if (x.budget() != null) {
                o.put("eps", x.budget());
            }
            ArrayNode changes = o.putArray("changes");
            for (Change c : x.changes()) {
                changes.addObject().put("column", c.column()).put("before", c.before()).put("after", c.after());
            }
            if (x.before() != null) {
                o.put("predicted_before", x.before());
                o.put("predicted_after", x.after());
            }
            number(o, "score_before", x.scoreBefore());
            number(o, "score_after", x.scoreAfter());
        }
    }

    private static void estimate(ObjectNode o, double value, IntervalEstimate ci) {
        number(o, "value", value);
        Interval i = ci == null || !ci.defined() ? null : ci.interval();
        number(o, "lower", i == null ? Double.NaN : i.lower());
        number(o, "upper", i == null ? Double.NaN : i.upper());
        if (i == null && ci != null) {
            o.put("undefined_reason", ci.undefinedReason());
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
