package dev.assay.core.suite;

import dev.assay.core.check.Check;
import dev.assay.core.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named list of checks, built from a YAML file or in Java.
 *
 * @param name the suite's name
 * @param description what it is for; may be empty
 * @param checks the checks, with distinct names, in report order
 */
public record Suite(String name, String description, List<Check> checks) {

    /** A suite with no description. */
    public static Suite of(String name, Check... checks) {
        return new Suite(name, "", List.of(checks));
    }

    public Suite {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        checks = List.copyOf(checks);
        Set<String> names = new HashSet<>();
        for (Check c : checks) {
            if (!names.add(c.name())) {
                throw new InvalidInputException("two checks of suite '" + name + "' are named '" + c.name()
                        + "'. Give each check a distinct name.");
            }
        }
    }
}
