package dev.assay.core.robustness.edge;

import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Predicts edge cases and collects what went wrong. The cases are predicted in batches; when a batch throws, it is
 * split in halves until the rows that throw are found alone, so that one bad row does not hide the answers for the
 * others (at most about {@code 2 log2(batch)} extra calls per throwing row). A model that throws is a finding, not
 * an error of the run.
 *
 * <p>Findings: {@code crash} (the model threw on the row alone; the message is kept), {@code non_finite} (a
 * probability or predicted value is NaN or infinite), {@code out_of_range} (a probability below 0 or above 1, or
 * probabilities that do not sum to 1 within {@value #SUM_TOLERANCE}).
 */
public final class EdgeCaseRun {
    /** How far class probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    /** What went wrong on one case. */
    public enum Kind {
        CRASH, NON_FINITE, OUT_OF_RANGE
    }

    /** One finding: the case (row index into the cases), what went wrong and the detail. */
    public record Finding(int row, Kind kind, String detail) {
    }

    private final Model model;
    private final Frame cases;
    private final List<Finding> findings = new ArrayList<>();
    private int calls;

    private EdgeCaseRun(Model model, Frame cases) {
        this.model = model;
        this.cases = cases;
    }

    /**
     * @param batch rows per call (1 or more)
     * @return the findings in row order of the cases (a row has at most one)
     */
    public static EdgeCaseRun of(Model model, Frame cases, int batch) {
        EdgeCaseRun run = new EdgeCaseRun(model, cases);
        for (int from = 0; from < cases.rowCount(); from += batch) {
            run.predict(from, Math.min(cases.rowCount(), from + batch));
        }
        run.findings.sort(java.util.Comparator.comparingInt(Finding::row));
        return run;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Findings of {@code kind}. */
    public long count(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }

    /** The predict calls made. */
    public int calls() {
        return calls;
    }

    private void predict(int from, int to) {
        int[] rows = java.util.stream.IntStream.range(from, to).toArray();
        Predictions p;
        try {
            calls++;
            p = model.predict(cases.slice(rows));
        } catch (RuntimeException e) {
            if (to - from == 1) {
                findings.add(new Finding(from, Kind.CRASH, e.getClass().getSimpleName() + ": " + e.getMessage()));
            } else {
                int mid = (from + to) >>> 1;
                predict(from, mid);
                predict(mid, to);
            }
            return;
        }
        for (int i = 0; i < rows.length; i++) {
            Finding f = inspect(p, i, from + i);
            if (f != null) {
                findings.add(f);
            }
        }
    }

    private static Finding inspect(Predictions p, int i, int row) {
        if (p instanceof ValuePredictions v) {
            return Double.isFinite(v.values()[i]) ? null : new Finding(row, Kind.NON_FINITE, "predicted " + v.values()[i]);
        }
        ClassPredictions c = (ClassPredictions) p;
        if (c.probabilities() == null) {
            return null;
        }
        int k = c.classes().size();
        double sum = 0;
        List<String> parts = new ArrayList<>();
        boolean finite = true;
        boolean inRange = true;
        for (int j = 0; j < k; j++) {
            double q = c.probability(i, j);
            parts.add(c.classes().get(j) + "=" + q);
            finite &= Double.isFinite(q);
            inRange &= q >= 0 && q <= 1;
            sum += q;
        }
        String detail = "probabilities " + String.join(", ", parts);
        if (!finite) {
            return new Finding(row, Kind.NON_FINITE, detail);
        }
        if (!inRange || Math.abs(sum - 1) > SUM_TOLERANCE) {
            return new Finding(row, Kind.OUT_OF_RANGE, detail + String.format(Locale.ROOT, " (sum %.6g)", sum));
        }
        return null;
    }
}
