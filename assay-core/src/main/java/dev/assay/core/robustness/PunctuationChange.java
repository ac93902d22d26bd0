package dev.assay.core.robustness;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Changes punctuation in texts chosen with probability {@code rate}: {@link Mode#REMOVE} drops every ASCII
 * punctuation character (Python's {@code string.punctuation}, as Giskard's punctuation removal);
 * {@link Mode#TRAILING} removes the punctuation at the end of a text, or adds a full stop when there is none
 * (CheckList's {@code Perturb.punctuation}). Missing text stays missing.
 */
final class PunctuationChange extends TextPerturbation {
    /** Which change. */
    enum Mode { REMOVE, TRAILING }

    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Mode mode;
    private final double rate;

    PunctuationChange(Mode mode, double rate) {
        super("punctuation", Map.of("mode", mode.name().toLowerCase(Locale.ROOT), "rate", Double.toString(rate)));
        this.mode = mode;
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null || !(random.nextDouble() < rate)) {
            return value;
        }
        if (mode == Mode.REMOVE) {
            StringBuilder out = new StringBuilder(value.length());
            value.chars().filter(c -> PUNCTUATION.indexOf(c) < 0).forEach(c -> out.append((char) c));
            return out.toString();
        }
        String trimmed = value.stripTrailing();
        int end = trimmed.length();
        while (end > 0 && PUNCTUATION.indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        return end < trimmed.length() ? trimmed.substring(0, end) : trimmed + ".";
    }
}
