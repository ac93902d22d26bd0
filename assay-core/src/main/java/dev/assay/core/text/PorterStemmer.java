package dev.assay.core.text;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer (Porter 1980) in the mode NLTK uses by default ({@code NLTK_EXTENSIONS} of
 * {@code nltk.stem.porter.PorterStemmer}), which rouge-score applies with {@code use_stemmer=True}: the
 * original five steps with NLTK's departures (irregular forms such as dying → die, words of at most two
 * letters kept, {@code ies}/{@code ied} of four-letter words to {@code ie}, {@code bli} → {@code ble},
 * {@code alli}, {@code fulli} and {@code logi} in step 2, {@code y} → {@code i} only after a consonant that
 * is not the first letter). Input is one lower-case word.
 */
public final class PorterStemmer {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("sky", "sky"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"), Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"), Map.entry("howe", "howe"), Map.entry("proceed", "proceed"),
            Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));
    private static final Predicate<String> POSITIVE = s -> measure(s) > 0;
    private static final Predicate<String> ABOVE_ONE = s -> measure(s) > 1;
    private static final List<Rule> STEP3 = List.of(new Rule("icate", "ic", POSITIVE), new Rule("ative", "", POSITIVE),
            new Rule("alize", "al", POSITIVE), new Rule("iciti", "ic", POSITIVE), new Rule("ical", "ic", POSITIVE),
            new Rule("ful", "", POSITIVE), new Rule("ness", "", POSITIVE));
    private static final List<Rule> STEP4 = List.of(new Rule("al", "", ABOVE_ONE), new Rule("ance", "", ABOVE_ONE),
            new Rule("ence", "", ABOVE_ONE), new Rule("er", "", ABOVE_ONE), new Rule("ic", "", ABOVE_ONE), new Rule("able", "", ABOVE_ONE),
            new Rule("ible", "", ABOVE_ONE), new Rule("ant", "", ABOVE_ONE), new Rule("ement", "", ABOVE_ONE), new Rule("ment", "", ABOVE_ONE),
            new Rule("ent", "", ABOVE_ONE), new Rule("ion", "", s -> measure(s) > 1 && (s.endsWith("s") || s.endsWith("t"))),
            new Rule("ou", "", ABOVE_ONE), new Rule("ism", "", ABOVE_ONE), new Rule("ate", "", ABOVE_ONE), new Rule("iti", "", ABOVE_ONE),
            new Rule("ous", "", ABOVE_ONE), new Rule("ive", "", ABOVE_ONE), new Rule("ize", "", ABOVE_ONE));
    private static final String DOUBLE = "*d";

    private PorterStemmer() {
    }

    /** The stem of a lower-case word. */
    public static String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return word;
        }
        String s = step1a(word);
        s = step1b(s);
        s = apply(s, List.of(new Rule("y", "i", t -> t.length() > 1 && consonant(t, t.length() - 1))));
        s = step2(s);
        s = apply(s, STEP3);
        s = apply(s, STEP4);
        s = step5a(s);
        String w = s;
        return apply(s, List.of(new Rule("ll", "l", t -> measure(w.substring(0, w.length() - 1)) > 1)));
    }

    private static String step1a(String w) {
        if (w.endsWith("ies") && w.length() == 4) {
            return w.charAt(0) + "ie";
        }
        return apply(w, List.of(new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null), new Rule("s", "", null)));
    }

    private static String step1b(String w) {
        if (w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + (w.length() == 4 ? "ie" : "i");
        }
        if (w.endsWith("eed")) {
            String stem = w.substring(0, w.length() - 3);
            return measure(stem) > 0 ? stem + "ee" : w;
        }
        String stem = null;
        for (String suffix : List.of("ed", "ing")) {
            if (w.endsWith(suffix) && containsVowel(w.substring(0, w.length() - suffix.length()))) {
                stem = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        if (stem == null) {
            return w;
        }
        char last = stem.isEmpty() ? ' ' : stem.charAt(stem.length() - 1);
        return apply(stem, List.of(new Rule("at", "ate", null), new Rule("bl", "ble", null), new Rule("iz", "ize", null),
                new Rule(DOUBLE, String.valueOf(last), t -> last != 'l' && last != 's' && last != 'z'),
                new Rule("", "e", t -> measure(t) == 1 && endsCvc(t))));
    }

    private static String step2(String w) {
        if (w.endsWith("alli") && measure(w.substring(0, w.length() - 4)) > 0) {
            return step2(w.substring(0, w.length() - 4) + "al");
        }
        return apply(w, List.of(new Rule("ational", "ate", POSITIVE), new Rule("tional", "tion", POSITIVE), new Rule("enci", "ence", POSITIVE),
                new Rule("anci", "ance", POSITIVE), new Rule("izer", "ize", POSITIVE), new Rule("bli", "ble", POSITIVE),
                new Rule("alli", "al", POSITIVE), new Rule("entli", "ent", POSITIVE), new Rule("eli", "e", POSITIVE),
                new Rule("ousli", "ous", POSITIVE), new Rule("ization", "ize", POSITIVE), new Rule("ation", "ate", POSITIVE),
                new Rule("ator", "ate", POSITIVE), new Rule("alism", "al", POSITIVE), new Rule("iveness", "ive", POSITIVE),
                new Rule("fulness", "ful", POSITIVE), new Rule("ousness", "ous", POSITIVE), new Rule("aliti", "al", POSITIVE),
                new Rule("iviti", "ive", POSITIVE), new Rule("biliti", "ble", POSITIVE), new Rule("fulli", "ful", POSITIVE),
                new Rule("logi", "log", t -> measure(w.substring(0, w.length() - 3)) > 0)));
    }

    private static String step5a(String w) {
        if (w.endsWith("e")) {
            String stem = w.substring(0, w.length() - 1);
            int m = measure(stem);
            if (m > 1 || (m == 1 && !endsCvc(stem))) {
                return stem;
            }
        }
        return w;
    }

    /** The first rule whose suffix the word ends with decides: its replacement if its condition holds, else the word. */
    private static String apply(String w, List<Rule> rules) {
        for (Rule r : rules) {
            if (r.suffix.equals(DOUBLE)) {
                if (endsDoubleConsonant(w)) {
                    String stem = w.substring(0, w.length() - 2);
                    return r.condition == null || r.condition.test(stem) ? stem + r.replacement : w;
                }
                continue;
            }
            if (w.endsWith(r.suffix)) {
                String stem = w.substring(0, w.length() - r.suffix.length());
                return r.condition == null || r.condition.test(stem) ? stem + r.replacement : w;
            }
        }
        return w;
    }

    private static boolean consonant(String w, int i) {
        char c = w.charAt(i);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            return false;
        }
        return c != 'y' || i == 0 || !consonant(w, i - 1);
    }

    /** m in [C](VC)^m[V]: the number of vowel-consonant transitions. */
    static int measure(String s) {
        int m = 0;
        for (int i = 1; i < s.length(); i++) {
            if (!consonant(s, i - 1) && consonant(s, i)) {
                m++;
            }
        }
        return m;
    }

    private static boolean containsVowel(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!consonant(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && consonant(w, n - 1);
    }

    private static boolean endsCvc(String w) {
        int n = w.length();
        boolean cvc = n >= 3 && consonant(w, n - 3) && !consonant(w, n - 2) && consonant(w, n - 1) && "wxy".indexOf(w.charAt(n - 1)) < 0;
        return cvc || (n == 2 && !consonant(w, 0) && consonant(w, 1));
    }

    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }
}
