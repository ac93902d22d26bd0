package dev.assay.core.robustness;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adds whitespace: each space, with probability {@code rate}, becomes two spaces, and each text, with the same
 * probability, gains a trailing space, as text pasted from another source. The words and characters are
 * unchanged. Missing text stays missing; {@code rate = 0} changes nothing.
 */
final class WhitespaceChange extends TextPerturbation {
    private final double rate;

    WhitespaceChange(double rate) {
        super("whitespace", Map.of("rate", Double.toString(rate)));
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null || rate == 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == ' ' && random.nextDouble() < rate) {
                out.append(' ');
            }
        }
        return random.nextDouble() < rate ? out.append(' ').toString() : out.toString();
    }
}
