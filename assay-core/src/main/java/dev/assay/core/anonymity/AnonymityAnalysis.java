package dev.assay.core.anonymity;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Measures k-anonymity, l-diversity and t-closeness of a table and finds the combinations that break k. */
public final class AnonymityAnalysis {
    private AnonymityAnalysis() {
    }

    /**
     * Analyses {@code frame}.
     *
     * @throws InvalidInputException for an empty table, an unknown column or a numeric quasi-identifier with too many
     *     distinct values
     */
    public static AnonymityReport analyse(Frame frame, AnonymitySettings settings) {
        if (frame.rowCount() == 0) {
            throw new InvalidInputException(frame.source() + " has no rows: anonymity needs at least one row.");
        }
        CodedColumns qis = CodedColumns.of(frame, settings.quasiIdentifiers(), "quasi-identifier", settings.maxDistinct());
        int[] all = new int[qis.names().size()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        EquivalenceClasses classes = EquivalenceClasses.of(qis, all);
        KAnonymity k = KAnonymity.of(classes, settings.k());
        LDiversity l = null;
        TCloseness t = null;
        if (settings.sensitive() != null) {
            CodedColumns s = CodedColumns.of(frame, List.of(settings.sensitive()), "sensitive column", 0);
            int[][] counts = classes.counts(s.codes()[0], s.cardinalities()[0]);
            l = LDiversity.of(counts, settings.c());
            t = TCloseness.of(counts, s.numeric()[0]);
        }
        List<List<String>> breaking = new ArrayList<>();
        for (int[] combination : BreakingCombinations.find(qis, settings.k())) {
            List<String> names = new ArrayList<>();
            for (int j : combination) {
                names.add(qis.names().get(j));
            }
            breaking.add(names);
        }
        return new AnonymityReport(frame.source(), frame.rowCount(), settings, k, l, t, breaking);
    }
}
