package dev.assay.core.robustness;

/**
 * The neighbours of a key on a US QWERTY keyboard (lower case letters and digits): the keys left and right on
 * the same row, and the two touching keys on the rows above and below (the rows are staggered half a key), as
 * in the keyboard maps of Giskard and nlpaug.
 */
final class Qwerty {
    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private Qwerty() {
    }

    /** The neighbours of {@code key}, e.g. {@code "adwezx"} for {@code 's'}; empty for any other character. */
    static String neighbours(char key) {
        for (int r = 0; r < ROWS.length; r++) {
            int c = ROWS[r].indexOf(key);
            if (c < 0) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            add(out, r, c - 1);
            add(out, r, c + 1);
            add(out, r - 1, c);
            add(out, r - 1, c + 1);
            add(out, r + 1, c - 1);
            add(out, r + 1, c);
            return out.toString();
        }
        return "";
    }

    private static void add(StringBuilder out, int row, int col) {
        if (row >= 0 && row < ROWS.length && col >= 0 && col < ROWS[row].length()) {
            out.append(ROWS[row].charAt(col));
        }
    }
}
