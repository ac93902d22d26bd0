package dev.assay.core.integrity;

import java.util.Locale;

/**
 * The base form of a category: its letters and digits only, lower-cased, so that
 * {@code "New-York"}, {@code "new york"} and {@code " NEW YORK."} are one value, as Deepchecks'
 * {@code string_baseform} (which keeps {@code [A-Za-z0-9]}; Unicode letters and digits are kept here).
 */
final class BaseForm {
    private BaseForm() {
    }

    /** {@code value} without anything but letters and digits, lower-cased; empty when it has none. */
    static String of(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
