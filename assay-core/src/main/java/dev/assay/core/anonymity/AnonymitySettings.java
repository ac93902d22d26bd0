package dev.assay.core.anonymity;

import dev.assay.core.error.InvalidInputException;
import java.util.List;

/**
 * What an anonymity analysis looks at.
 *
 * @param quasiIdentifiers the columns an attacker could link with outside data (zip code, age, sex, ...)
 * @param sensitive the sensitive column for l-diversity and t-closeness, or null
 * @param k the required k (at least 1)
 * @param c the constant of recursive (c, l)-diversity (above 0)
 * @param maxDistinct the most distinct values a numeric quasi-identifier may have (0: no limit)
 */
public record AnonymitySettings(List<String> quasiIdentifiers, String sensitive, int k, double c, int maxDistinct) {
    /** The default k. */
    public static final int DEFAULT_K = 5;
    /** The default c of recursive (c, l)-diversity. */
    public static final double DEFAULT_C = 2;
    /** The default limit on the distinct values of a numeric quasi-identifier. */
    public static final int DEFAULT_MAX_DISTINCT = 100;

    public AnonymitySettings {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        if (quasiIdentifiers.isEmpty()) {
            throw new InvalidInputException("No quasi-identifier given: name the columns an attacker could link, e.g. age,sex,zip.");
        }
        if (quasiIdentifiers.size() != quasiIdentifiers.stream().distinct().count()) {
            throw new InvalidInputException("A quasi-identifier is named twice in " + quasiIdentifiers + ": name each column once.");
        }
        if (sensitive != null && quasiIdentifiers.contains(sensitive)) {
            throw new InvalidInputException("The sensitive column '" + sensitive + "' is also a quasi-identifier: name it in one place.");
        }
        if (quasiIdentifiers.size() > 62) {
            throw new InvalidInputException("At most 62 quasi-identifiers are supported, found " + quasiIdentifiers.size() + ".");
        }
        if (k < 1) {
            throw new InvalidInputException("k must be a whole number of at least 1, found " + k + ".");
        }
        if (!(c > 0)) {
            throw new InvalidInputException("c of recursive (c, l)-diversity must be above 0, found " + c + ".");
        }
        if (maxDistinct < 0) {
            throw new InvalidInputException("The limit on distinct values must be 0 (none) or more, found " + maxDistinct + ".");
        }
    }

    /** Settings with the defaults for k, c and the distinct-value limit. */
    public static AnonymitySettings of(List<String> quasiIdentifiers, String sensitive) {
        return new AnonymitySettings(quasiIdentifiers, sensitive, DEFAULT_K, DEFAULT_C, DEFAULT_MAX_DISTINCT);
    }
}
