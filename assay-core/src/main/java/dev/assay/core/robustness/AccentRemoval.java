package dev.assay.core.robustness;

import java.text.Normalizer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Removes accents (Giskard's accent removal): each character that carries combining marks in Unicode
 * decomposition (NFD), with probability {@code rate}, is replaced by its base character ({@code é → e},
 * {@code ñ → n}, {@code ü → u}); other characters are kept. Missing text stays missing.
 */
final class AccentRemoval extends TextPerturbation {
    private final double rate;

    AccentRemoval(double rate) {
        super("accent_removal", Map.of("rate", Double.toString(rate)));
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String d = c < 128 ? null : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (d != null && d.length() > 1 && Character.getType(d.charAt(1)) == Character.NON_SPACING_MARK
                    && random.nextDouble() < rate) {
                out.append(d.charAt(0));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
