package dev.assay.core.resample;

import dev.assay.core.error.InvalidInputException;
import java.util.Locale;

/**
 * imbalanced-learn's {@code sampling_strategy}: which classes a sampler resamples and to how many rows.
 * {@code auto} means {@code not majority} for over-samplers and {@code not minority} for under-samplers and
 * cleaners; {@code minority}, {@code majority}, {@code not minority}, {@code not majority}, {@code all}; or a
 * ratio for two classes: minority / majority after resampling.
 *
 * <p>Reference: {@code imblearn.utils.check_sampling_strategy}: over-sampling targets are
 * {@code n_majority - n_class}, a ratio gives {@code int(n_majority * ratio - n_minority)}; under-sampling
 * keeps {@code n_minority} rows of each class, a ratio keeps {@code int(n_minority / ratio)} of the majority.
 */
public final class SamplingStrategy {
    /** What a sampler does with the classes it resamples. */
    public enum Purpose { OVER, UNDER, CLEAN }

    private final String name;
    private final double ratio;

    private SamplingStrategy(String name, double ratio) {
        this.name = name;
        this.ratio = ratio;
    }

    /** The strategy written as {@code text}: a name above or a ratio in (0, 1]. */
    public static SamplingStrategy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        switch (t) {
            case "auto", "minority", "majority", "not minority", "not majority", "all":
                return new SamplingStrategy(t, Double.NaN);
            default:
                double r;
                try {
                    r = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    r = Double.NaN;
                }
                if (!(r > 0 && r <= 1)) {
                    throw new InvalidInputException("Sampling strategy '" + text + "' is not one of auto, minority, majority,"
                            + " not minority, not majority, all, or a ratio in (0, 1] (minority / majority after resampling).");
                }
                return new SamplingStrategy("ratio", r);
        }
    }

    /** The default, {@code auto}. */
    public static SamplingStrategy auto() {
        return new SamplingStrategy("auto", Double.NaN);
    }

    /**
     * Per class: for {@link Purpose#OVER} the rows to add, for {@link Purpose#UNDER} the rows to keep, for
     * {@link Purpose#CLEAN} 1 when the class is cleaned; -1 for a class left alone.
     */
    public int[] targets(Classes classes, Purpose purpose) {
        int[] out = new int[classes.size()];
        java.util.Arrays.fill(out, -1);
        int[] n = classes.counts();
        int maj = classes.majority();
        int min = classes.minority();
        String s = name.equals("auto") ? (purpose == Purpose.OVER ? "not majority" : "not minority") : name;
        if (s.equals("ratio")) {
            return ratioTargets(classes, purpose, out);
        }
        if (purpose != Purpose.OVER && s.equals("minority")) {
            throw new InvalidInputException("Sampling strategy 'minority' cannot be used to under-sample or clean;"
                    + " use auto, majority, not minority, not majority or all.");
        }
        if (purpose == Purpose.OVER && s.equals("majority")) {
            throw new InvalidInputException("Sampling strategy 'majority' cannot be used to over-sample;"
                    + " use auto, minority, not minority, not majority or all.");
        }
        for (int c = 0; c < out.length; c++) {
            boolean chosen = switch (s) {
                case "minority" -> c == min;
                case "majority" -> c == maj;
                case "not minority" -> c != min;
                case "not majority" -> c != maj;
                default -> true;
            };
            if (chosen) {
                out[c] = purpose == Purpose.OVER ? n[maj] - n[c] : purpose == Purpose.UNDER ? n[min] : 1;
            }
        }
        return out;
    }

    private int[] ratioTargets(Classes classes, Purpose purpose, int[] out) {
        if (classes.size() != 2 || purpose == Purpose.CLEAN) {
            throw new InvalidInputException("A ratio strategy needs exactly two classes and an over- or under-sampler; found "
                    + classes.size() + " classes. Use auto, minority, not majority or all instead.");
        }
        int[] n = classes.counts();
        int maj = classes.majority();
        int min = classes.minority();
        if (purpose == Purpose.OVER) {
            int add = (int) (n[maj] * ratio - n[min]);
            if (add < 0) {
                throw new InvalidInputException("Ratio " + ratio + " would remove rows from the minority class '"
                        + classes.names().get(min) + "' (" + n[min] + " of " + n[maj] + " rows already); choose a ratio of at"
                        + " least " + String.format(Locale.ROOT, "%.4f", (double) n[min] / n[maj]) + ".");
            }
            out[min] = add;
        } else {
            int keep = (int) (n[min] / ratio);
            if (keep > n[maj]) {
                throw new InvalidInputException("Ratio " + ratio + " would need " + keep + " rows of the majority class '"
                        + classes.names().get(maj) + "', which has " + n[maj] + "; choose a ratio of at least "
                        + String.format(Locale.ROOT, "%.4f", (double) n[min] / n[maj]) + ".");
            }
            out[maj] = keep;
        }
        return out;
    }

    @Override
    public String toString() {
        return name.equals("ratio") ? Double.toString(ratio) : name;
    }
}
