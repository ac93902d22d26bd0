package dev.assay.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One window of a {@link WindowSummary}, read back as typed values so that the dashboard and the metrics show
 * exactly what the summary JSON holds. Absent numbers are {@code NaN}.
 *
 * @param drift the columns' drift, empty without a reference
 * @param estimated CBPE's estimate per metric, empty without a labelled reference
 * @param realised the realised metric per name, empty without labels
 */
record WindowView(String version, Instant start, long rows, long labelledRows, double labelCoverage, List<Drift> drift,
        Map<String, Estimate> estimated, Map<String, Double> realised) {

    /** One column's drift: test, statistic, p-values, the drift flag, PSI and the sketch's error bound on the statistic. */
    record Drift(String column, String test, double statistic, double pValue, double adjustedPValue, boolean drifted, double psi,
            double errorBound) {
    }

    /** One CBPE estimate with its band and whether it is outside it. */
    record Estimate(double value, double samplingError, double lower, double upper, boolean alert) {
    }

    @SuppressWarnings("unchecked")
    static WindowView of(Map<String, Object> w) {
        List<Drift> drift = new ArrayList<>();
        Object d = w.get("drift");
        if (d != null) {
            for (Map<String, Object> m : (List<Map<String, Object>>) d) {
                drift.add(new Drift((String) m.get("column"), (String) m.get("test"), number(m.get("statistic")), number(m.get("p_value")),
                        number(m.get("adjusted_p_value")), Boolean.TRUE.equals(m.get("drifted")), number(m.get("psi")),
                        number(m.get("error_bound"))));
            }
        }
        Map<String, Estimate> estimated = new LinkedHashMap<>();
        Object e = w.get("estimated");
        if (e != null) {
            ((Map<String, Map<String, Object>>) e).forEach((metric, m) -> estimated.put(metric, new Estimate(number(m.get("value")),
                    number(m.get("sampling_error")), number(m.get("lower")), number(m.get("upper")), Boolean.TRUE.equals(m.get("alert")))));
        }
        Map<String, Double> realised = new LinkedHashMap<>();
        ((Map<String, Object>) w.get("realised")).forEach((metric, v) -> realised.put(metric, number(v)));
        return new WindowView((String) w.get("version"), Instant.parse((String) w.get("start")), ((Number) w.get("rows")).longValue(),
                ((Number) w.get("labelled_rows")).longValue(), number(w.get("label_coverage")), List.copyOf(drift), estimated, realised);
    }

    /** The drifted columns, the most drifted first: smallest adjusted p-value, then largest PSI. */
    List<Drift> drifted() {
        return drift.stream().filter(Drift::drifted).sorted(Comparator.comparingDouble(Drift::adjustedPValue)
                .thenComparing(Comparator.comparingDouble(Drift::psi).reversed())).toList();
    }

    /** The column's drift in this window, if it was compared. */
    Drift drift(String column) {
        return drift.stream().filter(x -> x.column().equals(column)).findFirst().orElse(null);
    }

    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
