package dev.assay.core.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds one kind of entity in a text, as one of Presidio's predefined recognizers does.
 */
public interface Recognizer {

    /** The entity this recognizer finds. */
    PiiEntity entity();

    /** The words that raise a match's confidence when they appear near it (here: in the column name). */
    List<String> context();

    /** Every match in {@code text} with a score above zero, without duplicates. */
    List<PiiMatch> analyze(String text);

    /** A cheap test that rules out texts that cannot hold the entity (so that most values skip the regexes). */
    boolean mayHold(String text);

    /**
     * Presidio's {@code EntityRecognizer.remove_duplicates}: highest score first, then by start and longest span; a
     * match within an earlier kept match of the same entity is dropped. The result is ordered by start.
     */
    static List<PiiMatch> withoutDuplicates(List<PiiMatch> matches) {
        List<PiiMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingDouble((PiiMatch m) -> -m.score()).thenComparingInt(PiiMatch::start)
                .thenComparingInt(m -> -(m.end() - m.start())));
        List<PiiMatch> kept = new ArrayList<>();
        for (PiiMatch m : sorted) {
            if (m.score() <= 0) {
                continue;
            }
            boolean keep = true;
            for (PiiMatch k : kept) {
                if (m.entity() == k.entity() && m.within(k)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(PiiMatch::start));
        return kept;
    }

    /** The number of ASCII digits in {@code text}. */
    static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }
}
