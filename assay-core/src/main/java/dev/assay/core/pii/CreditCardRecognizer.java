package dev.assay.core.pii;

import java.util.List;

/**
 * Payment card numbers: Presidio's {@code CreditCardRecognizer} pattern (score 0.3) validated by the Luhn checksum
 * on the digits without dashes and spaces (valid: 1.0, invalid: dropped).
 *
 * <p>Luhn: from the rightmost digit, double every second digit, add the digits of the products and the other
 * digits; the number is valid when the sum is a multiple of 10.
 */
final class CreditCardRecognizer extends PatternRecognizer {

    CreditCardRecognizer() {
        super(PiiEntity.CREDIT_CARD, List.of(Scored.of("All Credit Cards (weak)",
                "\\b(?!1\\d{12}(?!\\d))((4\\d{3})|(5[0-5]\\d{2})|(6\\d{3})|(1\\d{3})|(3\\d{3}))[- ]?(\\d{3,4})[- ]?(\\d{3,4})[- ]?(\\d{3,5})\\b",
                0.3)), List.of("credit", "card", "visa", "mastercard", "cc ", "amex", "discover", "jcb", "diners", "maestro",
                "instapayment"));
    }

    @Override
    public boolean mayHold(String text) {
        return Recognizer.digits(text) >= 12;
    }

    @Override
    Boolean validate(String match) {
        return luhn(match.replace("-", "").replace(" ", ""));
    }

    /** Whether the digits pass the Luhn checksum. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                d = d / 10 + d % 10;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
