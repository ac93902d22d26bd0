package dev.assay.core.uncertainty;

import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to compute confidence intervals: the method, the number of bootstrap resamples (ignored by
 * {@link IntervalMethod#WILSON}) and the confidence level.
 *
 * @param method the method
 * @param resamples bootstrap resamples, at least 100
 * @param level the confidence level, in (0, 1)
 */
public record IntervalSettings(IntervalMethod method, int resamples, double level) {
    /** Resamples when none are given. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The level when none is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * @throws InvalidInputException naming {@code resamples} or {@code level} when out of range
     */
    public IntervalSettings {
        Objects.requireNonNull(method, "method");
        Validation.requireLevel(level, "level");
        if (method.resamples()) {
            Validation.requireResamples(resamples, "resamples");
        }
    }

    /**
     * The settings, validated with messages that name the keys as the user wrote them (e.g.
     * {@code ci.resamples} in a suite file, {@code --ci-level} on the command line).
     *
     * @throws InvalidInputException naming {@code resamplesKey} or {@code levelKey} when out of range
     */
    public static IntervalSettings of(IntervalMethod method, int resamples, String resamplesKey, double level, String levelKey) {
        Validation.requireLevel(level, levelKey);
        if (method.resamples()) {
            Validation.requireResamples(resamples, resamplesKey);
        }
        return new IntervalSettings(method, resamples, level);
    }

    /** BCa with 1000 resamples at 95%. */
    public static IntervalSettings defaults() {
        return new IntervalSettings(IntervalMethod.BCA, DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    /** The settings as recorded in a check's provenance: {@code ci.method}, {@code ci.resamples}, {@code ci.level}. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ci.method", method.id());
        if (method.resamples()) {
            out.put("ci.resamples", Integer.toString(resamples));
        }
        out.put("ci.level", String.format(Locale.ROOT, "%s", level));
        return out;
    }
}
