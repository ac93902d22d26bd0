package dev.assay.core.pii;

import java.util.List;

/** The predefined recognizers, one per {@link PiiEntity}, with Presidio's default settings. */
public final class Recognizers {
    private Recognizers() {
    }

    /** Every predefined recognizer. */
    public static List<Recognizer> all() {
        return List.of(new EmailRecognizer(), new PhoneRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(),
                new UsSsnRecognizer(), new IpRecognizer(), new DateRecognizer());
    }
}
