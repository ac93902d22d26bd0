package dev.assay.core.checks;

import dev.assay.core.chart.BarChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.compare.AucInterval;
import dev.assay.core.data.Dataset;
import dev.assay.core.drift.DriftColumns;
import dev.assay.core.drift.domain.DomainClassifier;
import dev.assay.core.drift.domain.DomainDrift;
import dev.assay.core.drift.domain.DomainSettings;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multivariate drift by a domain classifier ({@link DomainClassifier}): {@code auc} (with DeLong's
 * interval, so conditions can read {@code auc.lower}), and per feature {@code importance[col]} and
 * {@code univariate_auc[col]}. Built by {@link DomainClassifierCheckKind}.
 */
final class DomainClassifierCheck extends MeasuringCheck {
    static final String KIND = "domain_classifier";
    static final List<String> MEASURES = List.of("auc", "importance", "univariate_auc");
    /** Features shown in the chart. */
    private static final int SHOWN = 12;

    private final DomainSettings settings;
    private final List<String> columns;

    DomainClassifierCheck(CheckSetup setup, DomainSettings settings, List<String> columns) {
        super(setup, KIND, MEASURES, Requirements.NONE.withReference());
        this.settings = settings;
        this.columns = List.copyOf(columns);
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!columns.isEmpty()) {
            out.put("columns", String.join(", ", columns));
        }
        out.put("folds", Integer.toString(settings.folds()));
        out.put("rounds", Integer.toString(settings.rounds()));
        out.put("learning_rate", Double.toString(settings.learningRate()));
        out.put("confidence", Double.toString(settings.confidence()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset current = context.current();
        Dataset reference = context.reference().orElseThrow(() -> new InvalidInputException(
                "The reference data has no rows; the domain classifier needs reference rows to tell from the current ones."));
        List<String> used = columns.isEmpty() ? DriftColumns.of(current.frame(), current.schema()) : columns;
        DomainDrift result = DomainClassifier.run(reference.frame(), DriftCheck.name(reference), current.frame(),
                DriftCheck.name(current), used, new DomainSettings(settings.folds(), settings.rounds(),
                        settings.learningRate(), settings.confidence(), setup().seed()));
        AucInterval auc = result.auc();
        Observations obs = new Observations();
        long n = (long) result.referenceRows() + result.currentRows();
        obs.measurement(new Measurement("auc", auc.auc(), new Interval(auc.lower(), auc.upper(), auc.confidence(), "delong"), null,
                n, null, List.of()));
        List<List<Object>> rows = new ArrayList<>();
        for (DomainDrift.FeatureSeparation f : result.features()) {
            obs.measurement(Measurement.of("importance", f.column(), f.importance(), n));
            obs.measurement(Measurement.of("univariate_auc", f.column(), f.univariateAuc(), n));
            rows.add(List.of(f.column(), f.importance(), f.univariateAuc()));
        }
        result.problems().forEach((column, problem) -> {
            rows.add(List.of(column, "-", "not used: " + problem));
            obs.note(problem);
        });
        obs.table(new EvidenceTable("Features that separate reference from current", List.of("column",
                "permutation importance (AUC lost)", "AUC of the feature alone"), rows));
        List<DomainDrift.FeatureSeparation> top = result.features().subList(0, Math.min(SHOWN, result.features().size()));
        obs.chart(new BarChart("What separates the data sets", "AUC lost on held-out folds when the feature is shuffled",
                "AUC lost", top.stream().map(DomainDrift.FeatureSeparation::column).toList(), List.of("importance"),
                List.of(top.stream().mapToDouble(DomainDrift.FeatureSeparation::importance).toArray())));
        obs.note(String.format(Locale.ROOT, "Gradient-boosted stumps (%d rounds), %d-fold cross-validation stratified by side;"
                + " the AUC is of the out-of-fold scores, current data as the positive class.", settings.rounds(),
                settings.folds()));
        String top1 = result.features().isEmpty() ? "" : "; most separating: " + result.features().get(0).column();
        obs.summary(String.format(Locale.ROOT, "Domain classifier AUC %.3f (%.0f%% CI %.3f-%.3f) on %d reference and %d current"
                + " rows: %s%s.", auc.auc(), 100 * auc.confidence(), auc.lower(), auc.upper(), result.referenceRows(),
                result.currentRows(), auc.lower() > 0.5 ? "the data sets can be told apart" : "no evidence the data sets differ",
                top1));
        return obs;
    }
}
