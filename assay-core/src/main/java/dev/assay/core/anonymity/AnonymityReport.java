package dev.assay.core.anonymity;

import java.util.List;

/**
 * What an anonymity analysis found.
 *
 * @param source the data's name
 * @param rows the number of rows
 * @param settings what was analysed
 * @param kAnonymity k-anonymity over all quasi-identifiers
 * @param lDiversity l-diversity of the sensitive column, null without one
 * @param tCloseness t-closeness of the sensitive column, null without one
 * @param breakingCombinations the smallest combinations of quasi-identifiers whose classes are smaller than k
 */
public record AnonymityReport(String source, int rows, AnonymitySettings settings, KAnonymity kAnonymity, LDiversity lDiversity,
        TCloseness tCloseness, List<List<String>> breakingCombinations) {

    public AnonymityReport {
        breakingCombinations = breakingCombinations.stream().map(List::copyOf).toList();
    }
}
