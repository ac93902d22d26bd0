package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.ConsistencyTarget;
import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.LoadResult;
import dev.assay.core.model.Model;
import dev.assay.core.result.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Predicts every batch at rest, then loads the model (see {@link LoadCheckSettings}) and compares each
 * answer under load with the one at rest ({@link ConsistencyTarget}). Built by {@link QualityUnderLoadCheckKind}.
 */
final class QualityUnderLoadCheck extends MeasuringCheck {
    static final String KIND = "quality_under_load";

    private final LoadCheckSettings load;
    private final double tolerance;

    QualityUnderLoadCheck(CheckSetup setup, LoadCheckSettings load, double tolerance) {
        super(setup, KIND, List.of("mismatch_rate", "mismatched_rows", "mismatched_requests", "compared_rows", "error_rate"),
                load.requirements());
        this.load = load;
        this.tolerance = tolerance;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>(load.describe());
        out.put("tolerance", Double.toString(tolerance));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = load.open(context);
        try {
            ConsistencyTarget target = ConsistencyTarget.atRest(load.target(context, model, KIND), tolerance);
            LoadResult r = new LoadGenerator(FailureKinds.DEFAULT, -1, i -> { }).run(target, load.plan());
            return observations(target, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("The " + KIND + " check was interrupted.");
        } finally {
            if (load.url() != null) {
                model.close();
            }
        }
    }

    private Observations observations(ConsistencyTarget t, LoadResult r) {
        Observations obs = new Observations();
        long rows = t.rows();
        obs.measurement(new Measurement("mismatch_rate", rows == 0 ? Double.NaN : (double) t.mismatchedRows() / rows, null, null, rows,
                rows == 0 ? "no answer under load to compare" : null, List.of()));
        obs.measurement(Measurement.of("mismatched_rows", t.mismatchedRows(), rows));
        obs.measurement(Measurement.of("mismatched_requests", t.mismatchedRequests(), t.requests()));
        obs.measurement(Measurement.of("compared_rows", rows, rows));
        obs.measurement(Measurement.of("error_rate", r.errorRate(), r.sent() + r.dropped()));
        obs.note(String.format(Locale.ROOT, "Every answer under load (warm-up included) was compared row by row with the answer at "
                + "rest for the same batch; a row mismatches when its class differs or a probability or value differs by more than "
                + "%s. %.1f req/s achieved, p99 %.2f ms.", tolerance, r.throughputRps(), r.latencyMs().p99()));
        if (!r.errors().isEmpty()) {
            obs.note("Failed requests (not compared): " + r.errors() + ".");
        }
        obs.summary(String.format(Locale.ROOT, "%d of %d rows predicted under load differ from the predictions at rest (%d of %d "
                + "requests)", t.mismatchedRows(), rows, t.mismatchedRequests(), t.requests()));
        return obs;
    }
}
