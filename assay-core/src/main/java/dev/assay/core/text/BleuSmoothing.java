package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Smoothing of BLEU's n-gram precisions, as sacreBLEU names them (Chen and Cherry 2014): {@code none};
 * {@code floor} (method 1, a zero count becomes {@code value}, default 0.1); {@code add-k} (method 2,
 * {@code value} added to counts and totals above unigrams, default 1); {@code exp} (method 3, the NIST
 * smoothing of mteval-v13a: the k-th zero precision becomes 1 / (2^k total)), sacreBLEU's default.
 */
public enum BleuSmoothing {
    NONE("none", 0), FLOOR("floor", 0.1), ADD_K("add-k", 1), EXP("exp", 0);

    private final String id;
    private final double defaultValue;

    BleuSmoothing(String id, double defaultValue) {
        this.id = id;
        this.defaultValue = defaultValue;
    }

    /** The name sacreBLEU uses. */
    public String id() {
        return id;
    }

    /** The value used when none is given. */
    public double defaultValue() {
        return defaultValue;
    }

    /** The method named {@code id} (none, floor, add-k, exp). */
    public static BleuSmoothing of(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (BleuSmoothing s : values()) {
            if (s.id.equals(wanted)) {
                return s;
            }
        }
        throw new InvalidInputException("unknown BLEU smoothing '" + id + "'. Use one of "
                + String.join(", ", Arrays.stream(values()).map(BleuSmoothing::id).toList()) + ".");
    }
}
