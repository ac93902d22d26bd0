package dev.assay.core.check;

import java.util.List;

/**
 * A kind of check that suite files can name ({@code type: metric}), found on the class path with
 * {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.assay.core.check.CheckKind} of your jar and Assay picks it up, with no
 * change to Assay. See {@code docs/writing-a-check.md}.
 *
 * <p>The suite reader handles the keys every check has ({@code type, name, fail, warn, where,
 * seed}), rejects keys this kind does not list, and passes the rest as a {@link CheckConfig}.
 * After {@link #create}, it rejects conditions about values the check does not
 * {@linkplain Check#measures() measure}. Implementations must be stateless and thread-safe.
 */
public interface CheckKind {

    /** The name written after {@code type:}, lower case with underscores, e.g. {@code "metric"}. */
    String id();

    /** One sentence on what checks of this kind test. */
    String description();

    /** The keys this kind accepts besides the common ones, with what each means. */
    List<ConfigKey> keys();

    /** What checks of this kind measure, for {@code assay checks}, e.g. {@code "psi[column] per feature"}. */
    String measures();

    /** What checks of this kind need at least; a check may need more depending on its settings. */
    Requirements requires();

    /** The display name of a check whose entry has no {@code name}. */
    String defaultName(CheckConfig config);

    /**
     * Builds a check from its settings.
     *
     * @throws dev.assay.core.error.InvalidInputException from {@link CheckConfig#error} for bad settings
     */
    Check create(CheckConfig config, CheckSetup setup);

    /**
     * A key a kind accepts.
     *
     * @param name the key
     * @param description what it sets, its values and default
     */
    record ConfigKey(String name, String description) {
    }
}
