package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftColumns;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.ProfileDrift;
import dev.assay.core.profile.ProfilesDrift;
import dev.assay.core.result.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the drift of columns between the reference and the current data ({@link DriftAnalysis}):
 * {@code drift_share}, {@code drifted_columns}, {@code dataset_drift} (1 or 0), and per column
 * {@code statistic[col]}, {@code p_value[col]} (tests only), {@code effect_size[col]} and
 * {@code drift[col]} (1 or 0). Columns that cannot be compared are listed with the reason and the
 * others are still measured. Built by {@link DriftCheckKind}.
 */
final class DriftCheck extends MeasuringCheck {
    static final String KIND = "drift";
    static final List<String> MEASURES = List.of("drift_share", "drifted_columns", "dataset_drift", "statistic", "p_value",
            "effect_size", "drift");

    private final DriftSettings settings;
    private final List<String> columns;

    DriftCheck(CheckSetup setup, DriftSettings settings, List<String> columns) {
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
        out.put("method", settings.methodId());
        if (settings.threshold() != null) {
            out.put("threshold", Double.toString(settings.threshold()));
        }
        settings.thresholds().forEach((c, t) -> out.put("thresholds." + c, Double.toString(t)));
        out.put("fdr", Boolean.toString(settings.fdr()));
        if (settings.minEffect() > 0) {
            out.put("min_effect", Double.toString(settings.minEffect()));
        }
        out.put("drift_share", Double.toString(settings.driftShare()));
        out.put("bins", Integer.toString(settings.bins()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset current = context.current();
        List<String> compared = columns.isEmpty() ? DriftColumns.of(current.frame(), current.schema()) : columns;
        DriftReport report;
        long n = current.frame().rowCount();
        if (context.profiles().isPresent() && context.profiles().get().reference() != null) {
            report = ProfilesDrift.compare(context.profiles().get(), compared, settings);
            n = context.profiles().get().current().rows();
        } else if (context.referenceProfile().isPresent()) {
            if (setup().where() != null) {
                throw new InvalidInputException("The reference is the profile " + context.referenceProfileName()
                        + ", whose rows cannot be selected with 'where'; profile the selected reference rows instead.");
            }
            report = ProfileDrift.compare(context.referenceProfile().get(), context.referenceProfileName(), current.frame(),
                    name(current), compared, settings);
        } else {
            Dataset reference = context.reference().orElseThrow(() -> new InvalidInputException(
                    "The reference data has no rows" + (setup().where() == null ? "" : " where " + setup().where().describe())
                            + "; drift needs reference rows to compare with."));
            report = DriftAnalysis.compare(reference.frame(), name(reference), current.frame(), name(current), compared, settings);
        }
        Observations obs = new Observations();
        obs.measurement(Measurement.of("drift_share", report.driftShare(), n));
        obs.measurement(Measurement.of("drifted_columns", report.drifted(), n));
        obs.measurement(Measurement.of("dataset_drift", report.datasetDrift() ? 1 : 0, n));
        for (ColumnDrift c : report.columns()) {
            obs.measurement(Measurement.of("statistic", c.column(), c.statistic(), c.currentCount()));
            if (c.method().hasPValue()) {
                obs.measurement(Measurement.of("p_value", c.column(), c.pValue(), c.currentCount()));
            }
            obs.measurement(Measurement.of("effect_size", c.column(), c.effectSize(), c.currentCount()));
            obs.measurement(Measurement.of("drift", c.column(), c.drift() ? 1 : 0, c.currentCount()));
        }
        obs.table(DriftEvidence.table(report));
        DriftEvidence.charts(report).forEach(obs::chart);
        report.problems().forEach((column, problem) -> obs.note(problem));
        report.columns().stream().filter(c -> c.basis() != null).map(DriftCheck::basis).distinct().forEach(obs::note);
        if (settings.fdr() && report.columns().stream().anyMatch(c -> c.method().hasPValue())) {
            obs.note("p-values are adjusted across the tested columns (Benjamini-Hochberg); a test flags drift when the"
                    + " adjusted p-value is below its threshold.");
        }
        obs.summary(String.format(Locale.ROOT, "%d of %d columns drifted (share %.2f, dataset drift from %.2f): %s.",
                report.drifted(), report.columns().size(), report.driftShare(), settings.driftShare(),
                report.datasetDrift() ? "the data set has drifted" : "no dataset drift")
                + (report.problems().isEmpty() ? "" : " " + report.problems().size() + " column(s) not checked."));
        return obs;
    }

    /** How a result from a profile was measured, with its error bound where one is stated. */
    private static String basis(ColumnDrift c) {
        String bound = Double.isNaN(c.errorBound()) || c.errorBound() == 0 ? ""
                : String.format(Locale.ROOT, "; statistic within %.4g of the one on the raw reference", c.errorBound());
        return c.method().id() + " " + c.basis() + bound + ".";
    }

    /** The file name of {@code data} for messages, or its role. */
    static String name(Dataset data) {
        String location = data.info().location();
        return location == null ? data.info().role() + " data" : location.substring(location.lastIndexOf('/') + 1);
    }
}
