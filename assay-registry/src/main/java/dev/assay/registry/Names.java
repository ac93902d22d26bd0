package dev.assay.registry;

import dev.assay.core.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The names the registry accepts for models, aliases and tag keys: a letter or digit followed by
 * letters, digits, {@code .}, {@code _} and {@code -}, at most 128 characters, and never {@code .}
 * or {@code ..}. They become folder and file names when models are exported, so anything that
 * could climb out of a folder ({@code /}, {@code \}, {@code ..}) is refused.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Names() {
    }

    /**
     * Returns {@code name} when it is acceptable.
     *
     * @param what what the name names, for the message, e.g. {@code "model name"}
     * @throws InvalidInputException saying which characters are allowed
     */
    public static String require(String name, String what) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidInputException("Invalid " + what + " '" + (name == null ? "" : name) + "': use 1 to 128 letters, "
                    + "digits, '.', '_' and '-', starting with a letter or digit, without '..' (names must not be paths).");
        }
        return name;
    }

    /**
     * Returns a tag value when it is acceptable: at most 1024 characters, no control characters.
     *
     * @throws InvalidInputException naming the tag
     */
    public static String requireTagValue(String key, String value) {
        if (value == null || value.length() > 1024 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("Invalid value for tag '" + key + "': give at most 1024 characters without "
                    + "control characters.");
        }
        return value;
    }
}
