package dev.assay.registry;

import dev.assay.core.error.InvalidInputException;

/**
 * A reference to a model version as commands take it: {@code NAME@VERSION} (digits, optionally
 * after a {@code v}) or {@code NAME@ALIAS}.
 *
 * @param name the model's name
 * @param version the version number; null when the reference names an alias
 * @param alias the alias; null when the reference names a version
 */
public record VersionRef(String name, Integer version, String alias) {

    /**
     * Parses {@code NAME@VERSION} or {@code NAME@ALIAS}.
     *
     * @throws InvalidInputException saying the expected form
     */
    public static VersionRef parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new InvalidInputException("'" + text + "' is not a model version reference. Write NAME@VERSION (e.g. "
                    + "credit@3) or NAME@ALIAS (e.g. credit@production).");
        }
        String name = Names.require(text.substring(0, at), "model name");
        return of(name, text.substring(at + 1));
    }

    /** The version {@code version} (digits, {@code vDIGITS}) or alias of model {@code name}. */
    public static VersionRef of(String name, String versionOrAlias) {
        if (versionOrAlias.matches("[vV]?[0-9]{1,9}")) {
            int v = Integer.parseInt(versionOrAlias.replaceFirst("^[vV]", ""));
            if (v < 1) {
                throw new InvalidInputException("Version numbers start at 1; got '" + versionOrAlias + "'.");
            }
            return new VersionRef(name, v, null);
        }
        return new VersionRef(name, null, Names.require(versionOrAlias, "alias"));
    }
}
