package dev.assay.core.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers, as Presidio's {@code IbanRecognizer}: a generic pattern (two letters, two
 * check digits, groups of four, score 0.5); for each match the longest prefix ending at a group boundary that
 * validates is kept. Validation removes dashes and spaces, then requires the ISO 13616 check digits (move the first
 * four characters to the end, letters to 10-35, check digits = 98 - number mod 97) and the country's format
 * (Presidio's {@code iban_patterns.py}, in {@code iban-formats.properties}): valid is 1.0, a lowercase IBAN valid
 * only in capitals keeps 0.5, anything else is dropped.
 */
final class IbanRecognizer implements Recognizer {
    private static final Pattern GENERIC = Pattern.compile("(?<![A-Z0-9])([A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2,6})"
            + "((?:[ -]?[A-Z0-9]{4})?)((?:[ -]?[A-Z0-9]{1,3})?)(?![A-Z0-9])", Pattern.DOTALL | Pattern.MULTILINE);
    private static final BigInteger MOD = BigInteger.valueOf(97);
    private static final Map<String, Pattern> FORMATS = formats();

    @Override
    public PiiEntity entity() {
        return PiiEntity.IBAN_CODE;
    }

    @Override
    public List<String> context() {
        return List.of("iban", "bank", "transaction");
    }

    @Override
    public boolean mayHold(String text) {
        return text.length() >= 15 && Recognizer.digits(text) >= 2;
    }

    @Override
    public List<PiiMatch> analyze(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = GENERIC.matcher(text);
        while (m.find()) {
            for (int g = m.groupCount(); g >= 1; g--) {
                int end = m.end(g) > 0 ? m.end(g) : m.end();
                String candidate = text.substring(m.start(), end);
                if (candidate.isEmpty()) {
                    continue;
                }
                Boolean valid = validate(candidate);
                double score = valid == null ? 0.5 : valid ? 1.0 : 0.0;
                if (score > 0) {
                    found.add(new PiiMatch(PiiEntity.IBAN_CODE, m.start(), end, score));
                    break;
                }
            }
        }
        return found;
    }

    /** True when the check digits and the country format hold, null when only the upper-cased text has the format. */
    static Boolean validate(String text) {
        String iban = text.replace("-", "").replace(" ", "");
        if (iban.length() < 5 || !checkDigits(iban).equals(iban.substring(2, 4))) {
            return false;
        }
        if (format(iban)) {
            return true;
        }
        return format(iban.toUpperCase(java.util.Locale.ROOT)) ? null : false;
    }

    /** The two check digits the IBAN should carry: 98 - (BBAN + country + "00", letters as 10-35) mod 97. */
    static String checkDigits(String iban) {
        String moved = (iban.substring(4) + iban.substring(0, 2) + "00").toUpperCase(java.util.Locale.ROOT);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            int v = Character.digit(c, 36);
            if (v < 0) {
                return "";
            }
            digits.append(v);
        }
        int check = 98 - new BigInteger(digits.toString()).mod(MOD).intValue();
        return String.format(java.util.Locale.ROOT, "%02d", check);
    }

    private static boolean format(String iban) {
        Pattern p = FORMATS.get(iban.substring(0, 2));
        return p != null && p.matcher(iban).lookingAt();
    }

    private static Map<String, Pattern> formats() {
        Properties props = new Properties();
        try (InputStream in = IbanRecognizer.class.getResourceAsStream("iban-formats.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Pattern> out = new HashMap<>();
        props.forEach((k, v) -> out.put((String) k, Pattern.compile((String) v, Pattern.DOTALL | Pattern.MULTILINE)));
        return Map.copyOf(out);
    }
}
