package dev.assay.core.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Telephone numbers, as Presidio's {@code PhoneRecognizer}: libphonenumber's matcher run for each region (default
 * US, UK, DE, FR, IL, IN, CA, BR, Presidio's list) at a leniency (default 1, VALID); every number found scores 0.4;
 * duplicates across regions are removed. Context: phone, number, telephone, cell, cellphone, mobile, call.
 */
final class PhoneRecognizer implements Recognizer {
    /** Presidio's default regions. */
    static final List<String> DEFAULT_REGIONS = List.of("US", "UK", "DE", "FR", "IL", "IN", "CA", "BR");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final double SCORE = 0.4;

    private final List<String> regions;
    private final PhoneNumberUtil.Leniency leniency;

    PhoneRecognizer() {
        this(DEFAULT_REGIONS, 1);
    }

    /** Regions as ISO 3166 codes; leniency 0 POSSIBLE, 1 VALID, 2 STRICT_GROUPING, 3 EXACT_GROUPING. */
    PhoneRecognizer(List<String> regions, int leniency) {
        this.regions = List.copyOf(regions);
        this.leniency = PhoneNumberUtil.Leniency.values()[leniency];
    }

    @Override
    public PiiEntity entity() {
        return PiiEntity.PHONE_NUMBER;
    }

    @Override
    public List<String> context() {
        return List.of("phone", "number", "telephone", "cell", "cellphone", "mobile", "call");
    }

    @Override
    public boolean mayHold(String text) {
        return Recognizer.digits(text) >= 6;
    }

    @Override
    public List<PiiMatch> analyze(String text) {
        List<PiiMatch> found = new ArrayList<>();
        for (String region : regions) {
            for (PhoneNumberMatch m : UTIL.findNumbers(text, region, leniency, Long.MAX_VALUE)) {
                found.add(new PiiMatch(PiiEntity.PHONE_NUMBER, m.start(), m.end(), SCORE));
            }
        }
        return Recognizer.withoutDuplicates(found);
    }
}
