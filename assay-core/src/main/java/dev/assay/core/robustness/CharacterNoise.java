package dev.assay.core.robustness;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Character-level noise in text columns, each character visited once, left to right, and edited with
 * probability {@code rate}:
 * <ul>
 *   <li>{@link Edit#TYPO}: a letter or digit becomes one of its neighbours on a QWERTY keyboard, case kept
 *       ({@link Qwerty}; Giskard's keyboard typo transformation);</li>
 *   <li>{@link Edit#SWAP}: a character that is not whitespace trades places with the next one, when that one is
 *       not whitespace either (CheckList's {@code Perturb.add_typos});</li>
 *   <li>{@link Edit#DELETE}: a character that is not whitespace is dropped.</li>
 * </ul>
 * Missing text stays missing; {@code rate = 0} changes nothing.
 */
final class CharacterNoise extends TextPerturbation {
    /** The kind of edit. */
    enum Edit { TYPO, SWAP, DELETE }

    private final Edit edit;
    private final double rate;

    CharacterNoise(String name, Edit edit, double rate) {
        super(name, Map.of("rate", Double.toString(rate)));
        this.edit = edit;
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null || rate == 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        char[] c = value.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (edit == Edit.TYPO) {
                String near = Qwerty.neighbours(Character.toLowerCase(ch));
                if (!near.isEmpty() && random.nextDouble() < rate) {
                    char n = near.charAt(random.nextInt(near.length()));
                    ch = Character.isUpperCase(ch) ? Character.toUpperCase(n) : n;
                }
                out.append(ch);
            } else if (Character.isWhitespace(ch) || !(random.nextDouble() < rate)) {
                out.append(ch);
            } else if (edit == Edit.SWAP && i + 1 < c.length && !Character.isWhitespace(c[i + 1])) {
                out.append(c[i + 1]).append(ch);
                i++;
            } else if (edit == Edit.SWAP) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
