package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.metrics.BrierDecomposition;
import dev.assay.core.metrics.Calibration;
import dev.assay.core.metrics.CalibrationBin;
import dev.assay.core.result.EvidenceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reliability diagram and the tables of a {@link Calibration}: data for reports, no formatting. */
final class CalibrationEvidence {
    private CalibrationEvidence() {
    }

    /** "10 uniform bins (9 hold rows)". */
    static String describeBins(Calibration c) {
        return c.requestedBins() + " " + c.binning().name().toLowerCase(Locale.ROOT) + " bin" + (c.requestedBins() == 1 ? "" : "s")
                + " (" + c.bins().size() + " hold rows)";
    }

    /** Observed positive rate against mean score per non-empty bin, with the diagonal of perfect calibration. */
    static XYChart diagram(Calibration c) {
        int k = c.bins().size();
        double[] x = new double[k];
        double[] y = new double[k];
        for (int b = 0; b < k; b++) {
            x[b] = c.bins().get(b).meanPredicted();
            y[b] = c.bins().get(b).observedRate();
        }
        return new XYChart("Reliability diagram", String.format(Locale.ROOT, "Share of positive rows against the mean score in"
                + " each of %s; ece %.4f, mce %.4f. Points on the dashed diagonal are perfectly calibrated.", describeBins(c),
                c.ece(), c.mce()),
                Axis.unit("Mean predicted probability"), Axis.unit("Observed positive rate"),
                List.of(new Series("observed", x, y, Series.Style.LINE),
                        new Series("perfect calibration", new double[] {0, 1}, new double[] {0, 1}, Series.Style.GUIDE)));
    }

    /** One row per non-empty bin: its edges, rows, mean score, positive rate and gap. */
    static EvidenceTable binTable(Calibration c) {
        List<List<Object>> rows = new ArrayList<>();
        for (CalibrationBin b : c.bins()) {
            rows.add(List.of(b.lower(), b.upper(), b.count(), b.meanPredicted(), b.observedRate(), b.gap()));
        }
        return new EvidenceTable("Reliability bins (" + describeBins(c) + "; a bin holds scores above its lower edge up to its upper"
                + " edge)", List.of("lower", "upper", "rows", "mean predicted", "observed rate", "gap"), rows);
    }

    /** The Brier score and its terms, including the within-bin terms Murphy's identity leaves out. */
    static EvidenceTable decompositionTable(BrierDecomposition d) {
        return new EvidenceTable("Brier score decomposition (reliability - resolution + uncertainty + within-bin variance"
                + " - 2 within-bin covariance)", List.of("term", "value"), List.of(
                        List.of("reliability", d.reliability()),
                        List.of("resolution", d.resolution()),
                        List.of("uncertainty", d.uncertainty()),
                        List.of("within-bin variance", d.withinBinVariance()),
                        List.of("within-bin covariance", d.withinBinCovariance()),
                        List.of("brier score", d.score())));
    }
}
