package dev.assay.core.load;

import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link ModelTarget} whose answers under load are compared with its answers at rest: each batch is
 * predicted once, one request at a time, before the load; then every answer (warm-up included) is
 * compared row by row with the one at rest for the same batch. A row mismatches when its class
 * differs, or a probability or value differs by more than {@code tolerance} (NaN equals NaN). Mixed-up
 * responses (another request's answer) show as mismatches; truncated ones fail the request.
 */
public final class ConsistencyTarget implements LoadTarget {
    private final ModelTarget target;
    private final Predictions[] atRest;
    private final double tolerance;
    private final LongAdder requests = new LongAdder();
    private final LongAdder mismatchedRequests = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder mismatchedRows = new LongAdder();

    private ConsistencyTarget(ModelTarget target, Predictions[] atRest, double tolerance) {
        this.target = target;
        this.atRest = atRest;
        this.tolerance = tolerance;
    }

    /** Predicts every batch of {@code target} once, in order, as the reference answers. */
    public static ConsistencyTarget atRest(ModelTarget target, double tolerance) {
        Objects.requireNonNull(target, "target");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
        Predictions[] atRest = new Predictions[target.batchCount()];
        for (int b = 0; b < atRest.length; b++) {
            atRest[b] = target.answer(b);
        }
        return new ConsistencyTarget(target, atRest, tolerance);
    }

    @Override
    public void call(long sequence) {
        Predictions answer = target.answer(sequence);
        int bad = mismatches(atRest[target.batchOf(sequence)], answer);
        requests.increment();
        rows.add(answer.rows());
        if (bad > 0) {
            mismatchedRequests.increment();
            mismatchedRows.add(bad);
        }
    }

    /** Answers compared so far. */
    public long requests() {
        return requests.sum();
    }

    /** Answers with at least one mismatched row. */
    public long mismatchedRequests() {
        return mismatchedRequests.sum();
    }

    /** Rows compared so far. */
    public long rows() {
        return rows.sum();
    }

    /** Rows whose prediction differed from the one at rest. */
    public long mismatchedRows() {
        return mismatchedRows.sum();
    }

    /** The number of rows of {@code actual} that differ from {@code expected}. */
    int mismatches(Predictions expected, Predictions actual) {
        int bad = 0;
        if (expected instanceof ClassPredictions e && actual instanceof ClassPredictions a) {
            int k = e.classes().size();
            for (int r = 0; r < e.rows(); r++) {
                boolean differs = e.predicted()[r] != a.predicted()[r];
                if (e.probabilities() != null && a.probabilities() != null) {
                    for (int c = 0; c < k && !differs; c++) {
                        differs = !close(e.probabilities()[r * k + c], a.probabilities()[r * k + c]);
                    }
                }
                bad += differs ? 1 : 0;
            }
            return bad;
        }
        if (expected instanceof ValuePredictions e && actual instanceof ValuePredictions a) {
            for (int r = 0; r < e.rows(); r++) {
                bad += close(e.values()[r], a.values()[r]) ? 0 : 1;
            }
            return bad;
        }
        return actual.rows();
    }

    private boolean close(double x, double y) {
        return Double.isNaN(x) ? Double.isNaN(y) : Math.abs(x - y) <= tolerance;
    }
}
