package dev.assay.core.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements of one closed window by metric id, the input of alert rules. Ids: {@code rows},
 * {@code labelled_rows}, {@code label_coverage}; per column {@code c} (features, {@code prediction},
 * {@code score}) {@code drift_p[c]}, {@code drift_statistic[c]}, {@code psi[c]}, {@code distance[c]},
 * {@code missing_share[c]}, {@code unseen_categories[c]}; per CBPE metric {@code m}
 * {@code estimated_m} and {@code realised_m}, whose reference band ({@code bands}) is CBPE's alert band.
 *
 * @param model the model's name
 * @param version the model version
 * @param start the window's start
 * @param values the measurements (NaN where undefined)
 * @param bands {@code [lower, upper]} per metric id that has a reference band
 */
public record WindowSnapshot(String model, String version, Instant start, Map<String, Double> values, Map<String, double[]> bands) {

    public WindowSnapshot {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    }

    /**
     * The snapshot of {@code window} against {@code reference}; {@code cbpe} may be null (no estimates).
     */
    public static WindowSnapshot of(String model, WindowAggregate reference, WindowAggregate window, Cbpe cbpe) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, double[]> bands = new LinkedHashMap<>();
        values.put("rows", (double) window.rows());
        values.put("labelled_rows", (double) window.labelledRows());
        values.put("label_coverage", window.labelCoverage());
        for (FeatureDrift d : WindowDrift.compare(reference, window)) {
            String c = "[" + d.column() + "]";
            values.put("drift_p" + c, d.pValue());
            values.put("drift_statistic" + c, d.statistic());
            values.put("psi" + c, d.psi());
            values.put("distance" + c, d.distance());
            values.put("missing_share" + c, d.missingShare());
            values.put("unseen_categories" + c, (double) d.unseenCategories());
        }
        if (cbpe != null) {
            List<CbpeEstimate> estimates = cbpe.estimate(window);
            for (CbpeEstimate e : estimates) {
                values.put("estimated_" + e.metric(), e.estimated());
                values.put("realised_" + e.metric(), e.realised());
                bands.put("estimated_" + e.metric(), new double[] {e.lower(), e.upper()});
                bands.put("realised_" + e.metric(), new double[] {e.lower(), e.upper()});
            }
        }
        return new WindowSnapshot(model, window.version(), window.start(), values, bands);
    }

    /** The members of a family such as {@code drift_p}: member name to value, in column order. */
    public Map<String, Double> family(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((id, v) -> {
            if (id.startsWith(prefix + "[") && id.endsWith("]")) {
                out.put(id.substring(prefix.length() + 1, id.length() - 1), v);
            }
        });
        return out;
    }
}
