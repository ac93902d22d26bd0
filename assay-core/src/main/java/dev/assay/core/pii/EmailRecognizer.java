package dev.assay.core.pii;

import java.util.List;
import java.util.Locale;

/**
 * E-mail addresses: Presidio's {@code EmailRecognizer} pattern (score 0.5, context "email"); a match whose domain
 * ends in a plausible top-level domain (two or more letters, or an internationalised {@code xn--} label) is
 * validated to 1.0, others are dropped. Presidio asks the public-suffix list (tldextract) instead; this
 * approximation accepts unlisted suffixes made of letters.
 */
final class EmailRecognizer extends PatternRecognizer {
    private static final String LOCAL = "[!#$%&'*+\\-/=?^_`{|}~\\w]";
    private static final String LOCAL_DOT = "[!#$%&'*+\\-/=?^_`{|}~.\\w]";

    EmailRecognizer() {
        super(PiiEntity.EMAIL_ADDRESS, List.of(Scored.of("Email (Medium)",
                "\\b((" + LOCAL + ")|(" + LOCAL + LOCAL_DOT + "*" + LOCAL + "))[@]\\w+(?:-+\\w+)*(?:\\.\\w+(?:-+\\w+)*)+\\b", 0.5)),
                List.of("email"));
    }

    @Override
    public boolean mayHold(String text) {
        return text.indexOf('@') >= 0;
    }

    @Override
    Boolean validate(String match) {
        String tld = match.substring(match.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (tld.startsWith("xn--")) {
            return tld.length() > 4;
        }
        return tld.length() >= 2 && tld.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }
}
