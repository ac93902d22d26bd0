package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.attack.AdversarialEvaluation;
import dev.assay.core.robustness.attack.AdversarialResult;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.AttackSpace;
import dev.assay.core.robustness.attack.EpsilonResult;
import dev.assay.core.robustness.attack.ScoreOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attacks the current data's correctly predicted rows with the suite's model ({@link AdversarialEvaluation}) and
 * measures {@code clean_accuracy}, {@code robust_accuracy[eps=E]} (unconditional, or among clean-correct rows with
 * {@code conditional}), {@code success_rate[eps=E]}, {@code mean_minimal_perturbation} and {@code model_calls},
 * with a chart of robust accuracy against eps, example rows before and after, and an optional CSV export of the
 * adversarial examples. Built by {@link AdversarialCheckKind}.
 */
final class AdversarialCheck extends MeasuringCheck {
    static final String KIND = "adversarial";
    private static final int EXAMPLES = 10;

    private final AttackSettings settings;
    private final List<String> columns;
    private final Constraints constraints;
    private final int maxRows;
    private final boolean conditional;
    private final boolean observedRange;
    private final Path export;

    AdversarialCheck(CheckSetup setup, AttackSettings settings, List<String> columns, Constraints constraints, int maxRows,
            boolean conditional, boolean observedRange, Path export) {
        super(setup, KIND, MEASURES, Requirements.MODEL_AND_LABEL);
        this.settings = settings;
        this.columns = columns;
        this.constraints = constraints;
        this.maxRows = maxRows;
        this.conditional = conditional;
        this.observedRange = observedRange;
        this.export = export;
    }

    private static final List<String> MEASURES =
            List.of("clean_accuracy", "robust_accuracy", "success_rate", "mean_minimal_perturbation", "model_calls");

    /** {@code eps=0.05}: the member key of a budget, in plain decimals without trailing zeros ({@code eps=1}, {@code eps=0.0001}). */
    static String key(double eps) {
        return "eps=" + java.math.BigDecimal.valueOf(eps).stripTrailingZeros().toPlainString();
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>(settings.describe(Math.max(columns.size(), 1)));
        out.put("robust_accuracy", conditional ? "conditional on clean-correct rows" : "unconditional");
        out.put("observed_range", Boolean.toString(observedRange));
        out.put("max_rows", Integer.toString(maxRows));
        out.put("seed", Long.toString(setup().seed()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Frame frame = data.frame().rowCount() <= maxRows ? data.frame()
                : data.frame().slice(RowSample.indices(data.frame().rowCount(), maxRows, setup().seed()));
        String labelName = data.schema().label();
        Column label = frame.column(labelName, "label");
        List<String> targets = columns.isEmpty() ? PerturbationCheck.defaultColumns(context, frame, labelName) : columns;
        AttackSpace space = new AttackSpace(frame, PerturbationTarget.of(frame, targets, constraints), settings.rawScale(), observedRange);
        String positive = positiveClass(setup(), label);
        boolean[] truth = new boolean[frame.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            if (label.isMissing(i)) {
                throw new InvalidInputException("The label column '" + labelName + "' has no value in " + frame.describeRow(i)
                        + "; fill it in or drop the row.");
            }
            truth[i] = label.format(i).equals(positive);
        }
        ScoreOracle oracle = new ScoreOracle(context.model().orElseThrow(), label, positive, setup().evaluation().threshold());
        AdversarialResult r = AdversarialEvaluation.run(space, truth, oracle, settings);
        Observations obs = new Observations();
        long n = r.rows();
        obs.measurement(Measurement.of("clean_accuracy", r.cleanAccuracy(), n));
        for (EpsilonResult e : r.results()) {
            obs.measurement(Measurement.of("robust_accuracy", key(e.eps()),
                    conditional ? e.conditionalRobustAccuracy() : e.robustAccuracy(), conditional ? e.cleanCorrect() : n));
            obs.measurement(Measurement.of("success_rate", key(e.eps()), e.successRate(), e.cleanCorrect()));
        }
        obs.measurement(Measurement.of("mean_minimal_perturbation", r.meanMinimalPerturbation(), r.fooledRows()));
        obs.measurement(Measurement.of("model_calls", r.calls(), n));
        if (n < data.frame().rowCount()) {
            obs.note("Attacked a random sample of " + n + " of the " + data.frame().rowCount() + " rows (seed " + setup().seed()
                    + "); raise max_rows to use more.");
        }
        if (!space.skipped().isEmpty()) {
            obs.note("Not attacked, as their clean values do not vary: " + String.join(", ", space.skipped()) + ".");
        }
        obs.note("Attacked columns: " + (r.columns().isEmpty() ? "none" : String.join(", ", r.columns())) + "; eps is in units of "
                + "each column's " + (settings.rawScale() ? "own scale (scale: raw)" : "standard deviation") + ". Robust "
                + "accuracy is " + (conditional ? "among the rows predicted correctly before the attack (as ART)"
                : "over all rows, clean errors counting as errors (as Foolbox)") + "; whole-number columns are rounded after "
                + "the attack. " + r.calls() + " predict calls scored " + r.rowsScored() + " rows in all ("
                + String.format(Locale.ROOT, "%.1f", r.cleanCorrect() == 0 ? 0.0 : (double) r.rowsScored() / r.cleanCorrect())
                + " per attacked row)" + (r.gradientSource().equals("none") ? "" : "; gradients: " + r.gradientSource()
                + (r.gradientCalls() > 0 ? " (" + r.gradientCalls() + " gradient calls)" : "")) + (settings.method()
                == AttackSettings.Method.HSJ ? "; HopSkipJump minimises: a row is robust at eps when the smallest adversarial "
                + "example it found is larger than eps" : "") + ".");
        obs.chart(chart(r));
        obs.table(examples(r, frame));
        if (export != null) {
            write(r, frame, inputColumns(data));
        }
        EpsilonResult last = r.results().get(r.results().size() - 1);
        obs.summary(String.format(Locale.ROOT, "%s: clean accuracy %.4f; robust accuracy %.4f at eps %s; %d model calls",
                settings.method().name().toLowerCase(Locale.ROOT), r.cleanAccuracy(),
                conditional ? last.conditionalRobustAccuracy() : last.robustAccuracy(), last.eps(), r.calls()));
        return obs;
    }

    private static String positiveClass(CheckSetup setup, Column label) {
        if (setup.evaluation().positiveClass() != null) {
            return setup.evaluation().positiveClass();
        }
        String best = null;
        for (int i = 0; i < label.size(); i++) {
            String v = label.format(i);
            best = v == null || (best != null && best.compareTo(v) >= 0) ? best : v;
        }
        return best;
    }

    private XYChart chart(AdversarialResult r) {
        double[] eps = r.results().stream().mapToDouble(EpsilonResult::eps).toArray();
        double[] acc = r.results().stream().mapToDouble(e -> conditional ? e.conditionalRobustAccuracy() : e.robustAccuracy())
                .toArray();
        Integer[] order = java.util.stream.IntStream.range(0, eps.length).boxed().sorted((a, b) -> Double.compare(eps[a], eps[b]))
                .toArray(Integer[]::new);
        double[] x = Arrays.stream(order).mapToDouble(i -> eps[i]).toArray();
        double[] y = Arrays.stream(order).mapToDouble(i -> acc[i]).toArray();
        return new XYChart("Robust accuracy against eps", settings.method().name().toLowerCase(Locale.ROOT) + ", "
                + settings.norm().name().toLowerCase(Locale.ROOT) + "; eps in " + (settings.rawScale() ? "raw units" : "standard "
                + "deviations"), Axis.auto("eps"), Axis.unit("robust accuracy"),
                List.of(new Series("robust accuracy", x, y, Series.Style.LINE)));
    }

    private static EvidenceTable examples(AdversarialResult r, Frame frame) {
        List<List<Object>> rows = new ArrayList<>();
        for (EpsilonResult e : r.results()) {
            for (int a = 0; a < e.rowIndex().length && rows.size() < EXAMPLES; a++) {
                int i = e.rowIndex()[a];
                List<String> changes = new ArrayList<>();
                for (String c : r.columns()) {
                    String before = frame.column(c).format(i);
                    String after = e.adversarial().column(c).format(a);
                    if (!java.util.Objects.equals(before, after)) {
                        changes.add(c + ": " + before + " → " + after);
                    }
                }
                rows.add(Arrays.asList(frame.describeRow(i), e.eps(), String.join("; ", changes), e.scoreBefore()[a],
                        e.scoreAfter()[a]));
            }
        }
        return new EvidenceTable("Adversarial examples (rows before and after, smallest eps first)",
                List.of("row", "eps", "changes", "score_before", "score_after"), rows);
    }

    /** The data's columns but the model's outputs (prediction, score, class probabilities), which the attack changes. */
    private static List<String> inputColumns(Dataset data) {
        Schema s = data.schema();
        List<String> out = new ArrayList<>();
        for (String c : data.frame().columnNames()) {
            if (!c.equals(s.prediction()) && !c.equals(s.score()) && !s.classProbabilities().containsValue(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The adversarial examples as CSV: eps, the row's position among the attacked rows (1-based), the data's columns
     * with the adversarial values, and the positive-class score before and after.
     */
    private void write(AdversarialResult r, Frame frame, List<String> columns) {
        StringBuilder out = new StringBuilder("eps,row");
        for (String c : columns) {
            out.append(',').append(csv(c));
        }
        out.append(",score_before,score_after\n");
        for (EpsilonResult e : r.results()) {
            for (int a = 0; a < e.rowIndex().length; a++) {
                out.append(e.eps()).append(',').append(e.rowIndex()[a] + 1);
                for (String c : columns) {
                    String v = e.adversarial().column(c).format(a);
                    out.append(',').append(v == null ? "" : csv(v));
                }
                out.append(',').append(e.scoreBefore()[a]).append(',').append(e.scoreAfter()[a]).append('\n');
            }
        }
        try {
            Path parent = export.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(export, out);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the adversarial examples to " + export + ": " + e.getMessage()
                    + ". Choose a writable path for 'export'.");
        }
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
