package dev.assay.core.robustness;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Changes the case of whole texts (Giskard's upper, lower and title case transformations): each text, with
 * probability {@code rate}, is written in upper case, lower case, or title case (the first letter of each word
 * upper, the rest lower, as Python's {@code str.title()}: a word is a run of letters). Missing text stays
 * missing.
 */
final class CaseChange extends TextPerturbation {
    /** The case written. */
    enum Mode { UPPER, LOWER, TITLE }

    private final Mode mode;
    private final double rate;

    CaseChange(Mode mode, double rate) {
        super("case", Map.of("mode", mode.name().toLowerCase(Locale.ROOT), "rate", Double.toString(rate)));
        this.mode = mode;
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null || !(random.nextDouble() < rate)) {
            return value;
        }
        if (mode == Mode.UPPER) {
            return value.toUpperCase(Locale.ROOT);
        }
        if (mode == Mode.LOWER) {
            return value.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean inWord = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetter(c);
        }
        return out.toString();
    }
}
