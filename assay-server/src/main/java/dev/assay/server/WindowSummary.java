package dev.assay.server;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.BinaryCounts;
import dev.assay.core.monitor.Cbpe;
import dev.assay.core.monitor.CbpeEstimate;
import dev.assay.core.monitor.FeatureDrift;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowDrift;
import dev.assay.core.segments.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code windows} of a model's summary: per version and window start the rows, the drift of every
 * feature, the predicted class and the score against the reference ({@link WindowDrift}; a column is
 * {@code drifted} when its Benjamini-Hochberg adjusted p-value over the window's columns is below
 * {@link #FDR}; {@code error_bound} bounds the error of a sketched statistic), CBPE's estimates with their bands, and the realised metrics with the label coverage.
 */
final class WindowSummary {
    /** The false discovery rate of the drift flags within one window. */
    static final double FDR = 0.05;

    private WindowSummary() {
    }

    /** {@code reference} may be null (no drift), {@code cbpe} too (no estimates). */
    static List<Map<String, Object>> of(List<WindowAggregate> windows, ReferenceForm reference, Cbpe cbpe) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WindowAggregate w : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", w.version());
            m.put("start", w.start().toString());
            m.put("rows", w.rows());
            m.put("labelled_rows", w.labelledRows());
            m.put("label_coverage", number(w.labelCoverage()));
            if (reference == null) {
                m.put("drift", null);
            } else {
                try {
                    m.put("drift", drift(WindowDrift.compare(reference.aggregate(), w)));
                } catch (InvalidInputException e) {
                    m.put("drift", null);
                    m.put("drift_error", e.getMessage());
                }
            }
            m.put("estimated", cbpe == null ? null : estimates(cbpe.estimate(w)));
            m.put("realised", realised(w));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> drift(List<FeatureDrift> drifts) {
        double[] p = drifts.stream().mapToDouble(d -> Double.isNaN(d.pValue()) ? 1 : d.pValue()).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(p);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < drifts.size(); i++) {
            FeatureDrift d = drifts.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", d.column());
            m.put("test", d.test());
            m.put("statistic", number(d.statistic()));
            m.put("p_value", number(d.pValue()));
            m.put("adjusted_p_value", Double.isNaN(d.pValue()) ? null : adjusted[i]);
            m.put("drifted", !Double.isNaN(d.pValue()) && adjusted[i] < FDR);
            m.put("psi", number(d.psi()));
            m.put("error_bound", number(d.errorBound()));
            m.put("missing_share", number(d.missingShare()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> estimates(List<CbpeEstimate> estimates) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CbpeEstimate e : estimates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", number(e.estimated()));
            m.put("sampling_error", number(e.samplingError()));
            m.put("lower", number(e.lower()));
            m.put("upper", number(e.upper()));
            m.put("alert", !Double.isNaN(e.estimated()) && e.alert());
            out.put(e.metric(), m);
        }
        return out;
    }

    private static Map<String, Object> realised(WindowAggregate w) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (w.labelledRows() == 0) {
            return out;
        }
        BinaryCounts counts = BinaryCounts.of(w.realised());
        for (String metric : List.of("accuracy", "precision", "recall", "f1")) {
            out.put(metric, number(counts.metric(metric)));
        }
        return out;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
