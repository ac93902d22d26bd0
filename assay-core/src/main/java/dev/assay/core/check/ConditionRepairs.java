package dev.assay.core.check;

import dev.assay.core.error.Suggestions;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The repairs {@link ConditionParser} offers for a malformed condition: the usual wrong spellings
 * of comparisons, bounds, functions and the reference, and the suggestion built from a repaired
 * text.
 */
final class ConditionRepairs {
    /** Repaired texts longer than this are not offered: a suggestion must fit in a message. */
    private static final int LONGEST_SUGGESTION = 200;

    private static final Map<String, String> COMPARISON_FIXES = Map.ofEntries(Map.entry("=>", ">="), Map.entry("=<", "<="),
            Map.entry("=", "=="), Map.entry("===", "=="), Map.entry("<>", "!="), Map.entry("=!", "!="), Map.entry("!", "!="),
            Map.entry("!==", "!="), Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry("≠", "!="), Map.entry(">>", ">"),
            Map.entry("<<", "<"), Map.entry(">==", ">="), Map.entry("<==", "<="));
    private static final Map<String, String> COMPARISON_WORDS = Map.of("ge", ">=", "gte", ">=", "gt", ">", "le", "<=",
            "lte", "<=", "lt", "<", "eq", "==", "ne", "!=", "neq", "!=");
    private static final Map<String, String> BOUND_WORDS = Map.ofEntries(Map.entry("low", "lower"), Map.entry("lo", "lower"),
            Map.entry("l", "lower"), Map.entry("lb", "lower"), Map.entry("min", "lower"), Map.entry("lower_bound", "lower"),
            Map.entry("high", "upper"), Map.entry("hi", "upper"), Map.entry("up", "upper"), Map.entry("u", "upper"),
            Map.entry("ub", "upper"), Map.entry("max", "upper"), Map.entry("upper_bound", "upper"));
    private static final Map<String, String> FUNCTION_WORDS = Map.of("maximum", "max", "minimum", "min", "avg", "mean",
            "average", "mean", "n", "count", "num", "count", "number", "count", "len", "count", "size", "count");

    private ConditionRepairs() {
    }

    /** The comparison meant by the symbols {@code symbol} ({@code =>} for {@code >=}), or null. */
    static String comparison(String symbol) {
        return COMPARISON_FIXES.get(symbol);
    }

    /** The comparison meant by the word {@code word} ({@code gte} for {@code >=}), or null. */
    static String comparisonWord(String word) {
        return COMPARISON_WORDS.get(word.toLowerCase(Locale.ROOT));
    }

    /** The bound, {@code lower} or {@code upper}, meant by {@code word} ({@code lo}, {@code uper}), or null. */
    static String bound(String word) {
        String fix = BOUND_WORDS.get(word.toLowerCase(Locale.ROOT));
        if (fix == null && !word.isEmpty()) {
            fix = Suggestions.closest(word, List.of("lower", "upper"), 1).stream().findFirst().orElse(null);
        }
        return fix;
    }

    /** The function meant by {@code id} ({@code avg} for {@code mean}), or null. */
    static String function(String id) {
        String fix = FUNCTION_WORDS.get(id.toLowerCase(Locale.ROOT));
        if (fix == null) {
            fix = Suggestions.closest(id, ConditionParser.FUNCTIONS, 1).stream().findFirst().orElse(null);
        }
        return fix;
    }

    /** Whether {@code lower}, a word in lower case where a threshold goes, means {@code reference}. */
    static boolean meansReference(String lower) {
        return List.of("ref", "baseline", "reference_value").contains(lower)
                || !Suggestions.closest(lower, List.of("reference"), 1).isEmpty();
    }

    /** The canonical text of the repaired condition, following up to three repairs from {@code repair}, or null. */
    static String suggestion(String repair, Severity severity) {
        for (int attempt = 0; attempt < 3 && repair != null && repair.length() <= LONGEST_SUGGESTION; attempt++) {
            try {
                return ConditionParser.read(repair, severity).text();
            } catch (ConditionParser.Problem next) {
                repair = next.repair();
            }
        }
        return null;
    }
}
