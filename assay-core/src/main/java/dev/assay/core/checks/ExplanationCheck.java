package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.check.Subject;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import dev.assay.core.explain.methods.ExplainMethod;
import dev.assay.core.explain.methods.ExplainRequest;
import dev.assay.core.explain.methods.ExplainResult;
import dev.assay.core.explain.methods.Explainers;
import dev.assay.core.explain.ExplanationStatistics;
import dev.assay.core.explain.ExplanationCharts;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.MetricScorer;
import dev.assay.core.explain.Scorer;
import dev.assay.core.model.Model;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.stats.Spearman;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Explains the model on (a seeded sample of) the current data with one {@link ExplainMethod} and measures
 * the explanation: {@code importance[f]} (mean |value| over the rows; mean score drop for permutation),
 * {@code rank[f]} (1 = most important; ties share the mean rank), {@code concentration} (the top
 * feature's share of the total importance, negative permutation importances counted as 0),
 * {@code stability} (Spearman's rank correlation of the global importances under seeds s and s + 1, which
 * draw another background sample, coalition sample or permutation) and {@code additivity_error}
 * (max over rows of |sum(values) + base - output|; undefined for permutation). Built by
 * {@link ExplanationCheckKind}.
 */
final class ExplanationCheck extends MeasuringCheck {
    static final String KIND = "explanation";
    static final List<String> MEASURES = List.of("importance", "rank", "concentration", "stability", "additivity_error",
            "model_calls");
    private static final int WATERFALLS = 3;

    private final ExplainMethod method;
    private final List<String> features;
    private final int maxRows;
    private final int background;
    private final String output;
    private final String metric;

    ExplanationCheck(CheckSetup setup, ExplainMethod method, List<String> features, int maxRows, int background, String output,
            String metric) {
        super(setup, KIND, MEASURES, requirements(method));
        this.method = method;
        this.features = List.copyOf(features);
        this.maxRows = maxRows;
        this.background = background;
        this.output = output;
        this.metric = metric;
    }

    static Requirements requirements(ExplainMethod method) {
        return method == ExplainMethod.PERMUTATION ? Requirements.MODEL_AND_LABEL : Requirements.NONE.withModel();
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("method", method.id());
        if (!features.isEmpty()) {
            out.put("features", String.join(", ", features));
        }
        out.put("max_rows", Integer.toString(maxRows));
        if (method.perRow()) {
            out.put("background", Integer.toString(background));
        }
        if (output != null) {
            out.put("output", output);
        }
        if (method == ExplainMethod.PERMUTATION) {
            out.put("metric", metric);
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = context.model().orElseThrow();
        Frame frame = context.current().frame();
        String label = context.current().schema().label();
        List<String> columns = features.isEmpty() ? ModelInputs.of(model, frame, label) : features;
        columns.forEach(c -> frame.column(c, "feature"));
        requireKnownFeatures(columns);
        List<Feature> explained = Feature.each(columns);
        int n = frame.rowCount();
        int[] rows = n <= maxRows ? IntStream.range(0, n).toArray() : RowSample.indices(n, maxRows, setup().seed());
        Scorer scorer = method == ExplainMethod.PERMUTATION ? scorer(frame.slice(rows), label, model) : null;
        ExplainResult first = Explainers.run(method, new ExplainRequest(model, output, frame, rows, explained, background,
                setup().seed(), scorer, Progress.NONE));
        ExplainResult second = Explainers.run(method, new ExplainRequest(model, output, frame, rows, explained, background,
                setup().seed() + 1, scorer, Progress.NONE));
        double[] global = first.global().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] rank = ExplanationStatistics.ranks(global);
        Observations obs = new Observations();
        List<List<Object>> table = new ArrayList<>();
        for (int f = 0; f < columns.size(); f++) {
            obs.measurement(Measurement.of("importance", columns.get(f), global[f], rows.length));
            obs.measurement(Measurement.of("rank", columns.get(f), rank[f], rows.length));
            table.add(List.of(columns.get(f), rank[f], global[f]));
        }
        table.sort((a, b) -> Double.compare((Double) a.get(1), (Double) b.get(1)));
        double concentration = ExplanationStatistics.concentration(global);
        double stability = Spearman.correlation(global, second.global().values().stream().mapToDouble(Double::doubleValue)
                .toArray());
        obs.measurement(Measurement.of("concentration", concentration, rows.length));
        obs.measurement(new Measurement("stability", null, stability, null, null, rows.length, Double.isNaN(stability)
                ? "the importances are all equal under one of the seeds, so their ranks do not vary" : null, List.of()));
        obs.measurement(new Measurement("additivity_error", null, first.additivityError(), null, null, rows.length,
                method.additive() ? null : method.id() + " gives no additive per-row values", List.of()));
        obs.measurement(Measurement.of("model_calls", first.modelCalls(), rows.length));
        obs.table(new EvidenceTable("Global importance (" + what() + ")", List.of("feature", "rank", "importance"), table));
        obs.chart(ExplanationCharts.importance(first.global(), what()));
        if (first.explanation() != null) {
            obs.chart(ExplanationCharts.beeswarm(first.explanation(), frame, explained));
            ExplanationCharts.waterfalls(first.explanation(), frame, explained, WATERFALLS).forEach(obs::chart);
        }
        obs.note(describe(rows.length, n, first));
        String top = table.isEmpty() ? "" : (String) table.get(0).get(0);
        obs.summary(String.format(Locale.ROOT, "%s on %d rows: top feature %s (%.3g of the total), stability %.3f", method.id(),
                rows.length, top, concentration, stability));
        return obs;
    }

    /** Fails before the work when a condition names a feature that is not explained. */
    private void requireKnownFeatures(List<String> columns) {
        for (Condition c : conditions()) {
            if (c.subject() instanceof Subject.One one && one.key() != null && columns.stream().noneMatch(one.key()::equals)) {
                List<String> close = Suggestions.closest(one.key(), columns, 1);
                throw new InvalidInputException("The condition '" + c.text() + "' names feature '" + one.key() + "', which is not"
                        + " explained" + (close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)") + "; the features are "
                        + String.join(", ", columns) + ".");
            }
        }
    }

    private Scorer scorer(Frame rows, String label, Model model) {
        return MetricScorer.forModel(metric, rows.column(label, "label"), setup().evaluation(), model, output);
    }

    private String what() {
        return method == ExplainMethod.PERMUTATION ? "mean drop in " + metric : "mean |contribution|";
    }

    private String describe(int explained, int n, ExplainResult r) {
        String rows = explained < n ? "a random sample of " + explained + " of the " + n + " rows (seed " + setup().seed()
                + "; raise max_rows to use more)" : "all " + n + " rows";
        if (method == ExplainMethod.PERMUTATION) {
            return "Permutation importance on " + rows + ": the drop in " + metric + " when a feature's values are shuffled, mean of "
                    + Explainers.REPEATS + " shuffles; no per-row values. Stability: Spearman correlation with the ranking from"
                    + " seed " + (setup().seed() + 1) + ". " + r.modelCalls() + " model calls.";
        }
        return method.id() + " values of the output on " + rows + " against a background of " + r.settings().get("background_rows")
                + " rows; stability: Spearman correlation of the global importances with those from seed " + (setup().seed() + 1)
                + " (another background sample). " + r.modelCalls() + " model calls, " + r.predictedRows() + " rows predicted.";
    }
}
