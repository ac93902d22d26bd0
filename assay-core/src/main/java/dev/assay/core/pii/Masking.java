package dev.assay.core.pii;

/**
 * Hides found entities in an example value: inside each match every letter and digit but the first and the last
 * is replaced by {@code *}; separators ({@code @ . - space}) stay, so the shape remains readable
 * ({@code john.smith@example.com} becomes {@code j***.*****@*******.**m}).
 */
final class Masking {
    private Masking() {
    }

    /** {@code value} with the spans of {@code matches} masked. */
    static String mask(String value, java.util.List<PiiMatch> matches) {
        char[] out = value.toCharArray();
        for (PiiMatch m : matches) {
            int first = -1;
            int last = -1;
            for (int i = m.start(); i < m.end(); i++) {
                if (Character.isLetterOrDigit(out[i])) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            for (int i = first + 1; i < last; i++) {
                if (Character.isLetterOrDigit(value.charAt(i))) {
                    out[i] = '*';
                }
            }
        }
        return new String(out);
    }
}
