package dev.assay.core.robustness;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes whole numbers in words (Giskard's number-to-word transformation, which uses num2words): each run of
 * digits standing alone (not part of a decimal number or a word), below 10<sup>15</sup>, is replaced with
 * probability {@code rate} by its English words in num2words' British style: {@code 21 → twenty-one},
 * {@code 123 → one hundred and twenty-three}, {@code 1001 → one thousand and one}, {@code 2500 → two thousand,
 * five hundred}. Missing text stays missing.
 */
final class NumbersToWords extends TextPerturbation {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])\\d{1,15}(?![\\w]|[.,]\\d)");
    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] SCALES = {"", " thousand", " million", " billion", " trillion"};

    private final double rate;

    NumbersToWords(double rate) {
        super("number_to_word", Map.of("rate", Double.toString(rate)));
        this.rate = rate;
    }

    @Override
    String text(String value, SplittableRandom random) {
        if (value == null) {
            return value;
        }
        Matcher m = NUMBER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String words = random.nextDouble() < rate ? words(Long.parseLong(m.group())) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code n} (0 <= n < 10^15) in words, as num2words(n) in English. */
    static String words(long n) {
        if (n == 0) {
            return SMALL[0];
        }
        int[] groups = new int[SCALES.length];
        for (int g = 0; n > 0; g++) {
            groups[g] = (int) (n % 1000);
            n /= 1000;
        }
        StringBuilder out = new StringBuilder();
        for (int g = groups.length - 1; g >= 0; g--) {
            if (groups[g] == 0) {
                continue;
            }
            if (out.length() > 0) {
                out.append(g == 0 && groups[0] < 100 ? " and " : ", ");
            }
            out.append(hundreds(groups[g])).append(SCALES[g]);
        }
        return out.toString();
    }

    private static String hundreds(int n) {
        String rest = n % 100 == 0 ? "" : belowHundred(n % 100);
        if (n < 100) {
            return rest;
        }
        return SMALL[n / 100] + " hundred" + (rest.isEmpty() ? "" : " and " + rest);
    }

    private static String belowHundred(int n) {
        return n < 20 ? SMALL[n] : TENS[n / 10] + (n % 10 == 0 ? "" : "-" + SMALL[n % 10]);
    }
}
