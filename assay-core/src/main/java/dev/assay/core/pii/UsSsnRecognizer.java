package dev.assay.core.pii;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * US social security numbers: Presidio's {@code UsSsnRecognizer} patterns (very weak 0.05 for undelimited or oddly
 * grouped digits, medium 0.5 for {@code ddd-dd-dddd} with one kind of delimiter) and its invalidation rules: mixed
 * delimiters, all digits equal, group {@code 00} or serial {@code 0000}, or a start of 000, 666, 123456789,
 * 98765432 or 078051120 (the advertised sample number).
 */
final class UsSsnRecognizer extends PatternRecognizer {
    private static final List<String> SAMPLES = List.of("000", "666", "123456789", "98765432", "078051120");

    UsSsnRecognizer() {
        super(PiiEntity.US_SSN, List.of(
                Scored.of("SSN1 (very weak)", "\\b([0-9]{5})-([0-9]{4})\\b", 0.05),
                Scored.of("SSN2 (very weak)", "\\b([0-9]{3})-([0-9]{6})\\b", 0.05),
                Scored.of("SSN3 (very weak)", "\\b(([0-9]{3})-([0-9]{2})-([0-9]{4}))\\b", 0.05),
                Scored.of("SSN4 (very weak)", "\\b[0-9]{9}\\b", 0.05),
                Scored.of("SSN5 (medium)", "\\b([0-9]{3})[- .]([0-9]{2})[- .]([0-9]{4})\\b", 0.5)),
                List.of("social", "security", "ssn", "ssns", "ssid"));
    }

    @Override
    public boolean mayHold(String text) {
        return Recognizer.digits(text) >= 9;
    }

    @Override
    boolean invalidate(String match) {
        Set<Character> delimiters = new HashSet<>();
        StringBuilder digits = new StringBuilder();
        for (char c : match.toCharArray()) {
            if (c == '.' || c == '-' || c == ' ') {
                delimiters.add(c);
            } else if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        if (delimiters.size() > 1) {
            return true;
        }
        String d = digits.toString();
        if (d.chars().allMatch(c -> c == d.charAt(0))) {
            return true;
        }
        if (d.substring(3, 5).equals("00") || d.substring(5).equals("0000")) {
            return true;
        }
        return SAMPLES.stream().anyMatch(d::startsWith);
    }
}
