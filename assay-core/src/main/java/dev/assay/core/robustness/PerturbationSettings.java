package dev.assay.core.robustness;

/** The named settings a perturbation is made from ({@code rate}, {@code sigma}...), read from a suite or code. */
public interface PerturbationSettings {

    /** The number {@code key}, or {@code fallback} when not set. */
    double number(String key, double fallback);

    /** The text {@code key}, or {@code fallback} when not set. */
    String text(String key, String fallback);

    /** Settings from a map of values (numbers or text). */
    static PerturbationSettings of(java.util.Map<String, ?> values) {
        return new PerturbationSettings() {
            @Override
            public double number(String key, double fallback) {
                Object v = values.get(key);
                return v == null ? fallback : v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            }

            @Override
            public String text(String key, String fallback) {
                Object v = values.get(key);
                return v == null ? fallback : v.toString();
            }
        };
    }
}
