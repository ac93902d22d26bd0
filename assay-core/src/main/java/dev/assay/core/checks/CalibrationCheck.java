package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryScores;
import dev.assay.core.metrics.BrierDecomposition;
import dev.assay.core.metrics.Calibration;
import dev.assay.core.metrics.CalibrationBinning;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.result.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the calibration of binary scores (see {@link Calibration}) on the current data set and
 * on the reference data set when there is one, then judges conditions such as {@code ece <= 0.05} or
 * {@code ece <= reference + 0.02}. It reads the rows, positive class and score column exactly as the
 * metric check does, through the same evaluation (shared in the run's store), and adds a reliability
 * diagram and tables of the bins and of the Brier decomposition. Built by {@link CalibrationCheckKind}.
 */
final class CalibrationCheck extends MeasuringCheck {
    static final String KIND = "calibration";
    static final List<String> MEASURES = List.of("ece", "mce", "brier_score", "brier_reliability", "brier_resolution",
            "brier_uncertainty");


    private final int bins;
    private final CalibrationBinning strategy;

    CalibrationCheck(CheckSetup setup, int bins, CalibrationBinning strategy) {
        super(setup, KIND, MEASURES, Requirements.LABELLED_PREDICTIONS);
        this.bins = bins;
        this.strategy = strategy;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("bins", Integer.toString(bins));
        out.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        BinaryScores scores = scores(context, context.current());
        Calibration current = calibration(context, context.current(), scores);
        Observations obs = new Observations();
        Calibration reference = null;
        Optional<Dataset> ref = context.reference();
        if (ref.isPresent()) {
            try {
                reference = calibration(context, ref.get(), scores(context, ref.get()));
            } catch (InvalidInputException e) {
                if (conditions().stream().anyMatch(c -> c.needsReference())) {
                    throw new InvalidInputException("On the reference data set: " + e.getMessage(), e);
                }
                obs.note("No reference values: " + e.getMessage());
            }
        }
        for (String id : MEASURES) {
            double value = value(current, id);
            Measurement m = new Measurement(id, value, null, null, current.rows(),
                    Double.isNaN(value) ? "there are no rows to evaluate." : null, List.of());
            obs.measurement(reference == null ? m : m.withReference(value(reference, id)));
        }
        obs.note("Positive class '" + Excerpt.of(scores.positiveClass()) + "'"
                + (scores.scoreColumn() == null ? "" : ", scores from column '" + Excerpt.of(scores.scoreColumn()) + "'") + "; "
                + CalibrationEvidence.describeBins(current) + "; ece, mce and the Brier decomposition use these bins.");
        if (scores.weighted()) {
            obs.note("Sample weights" + (scores.weightColumn() == null ? "" : " (column '" + Excerpt.of(scores.weightColumn()) + "')")
                    + " are not applied: calibration counts every row once, as scikit-learn's calibration_curve does.");
        }
        if (current.rows() > 0) {
            obs.chart(CalibrationEvidence.diagram(current));
            obs.table(CalibrationEvidence.binTable(current));
            obs.table(CalibrationEvidence.decompositionTable(current.brier()));
        }
        obs.summary(current.rows() == 0 ? "ece is undefined: there are no rows to evaluate."
                : String.format(Locale.ROOT, "ece = %.4f, mce = %.4f over %d %s bins on %d rows", current.ece(), current.mce(),
                        bins, strategy.name().toLowerCase(Locale.ROOT), current.rows()));
        return obs;
    }

    private static double value(Calibration c, String id) {
        BrierDecomposition b = c.brier();
        return switch (id) {
            case "ece" -> c.ece();
            case "mce" -> c.mce();
            case "brier_score" -> b.score();
            case "brier_reliability" -> b.reliability();
            case "brier_resolution" -> b.resolution();
            case "brier_uncertainty" -> b.uncertainty();
            default -> throw new IllegalArgumentException("not a calibration measure: " + id);
        };
    }

    /** The calibration of {@code data}: from the sums an engine put in the run's store for it, else from its rows. */
    private Calibration calibration(CheckContext context, Dataset data, BinaryScores scores) {
        CalibrationTallies tallies = context.store(CalibrationTallies.NAMESPACE).getOrCompute(data.info().role(),
                CalibrationTallies.class, () -> null);
        if (tallies == null) {
            return Calibration.of(scores, bins, strategy);
        }
        return Calibration.of(tallies.accumulate(tallies.edges(strategy, bins), scores.positiveClass()), bins, strategy,
                scores.scoreColumn());
    }

    /** The rows' classes and scores as the metric check's evaluation of {@code data} read them. */
    private BinaryScores scores(CheckContext context, Dataset data) {
        Evaluation e = RunEvaluations.of(context, data, setup().evaluation());
        return e.binaryScores().orElseThrow(() -> new InvalidInputException(switch (e.task()) {
            case BINARY -> "Calibration needs scores: name the score column (columns.score, the probability of the positive"
                    + " class) or the class probability columns.";
            default -> "Calibration measures the scores of a binary task, but the data was evaluated as a " + e.task().id()
                    + " task. Set evaluation.task to binary and name the score column (the probability of the positive class).";
        }));
    }
}
