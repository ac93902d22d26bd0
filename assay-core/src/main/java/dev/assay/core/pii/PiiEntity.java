package dev.assay.core.pii;

import java.util.Locale;

/** The kinds of personal data Assay detects, named as Presidio names its entities. */
public enum PiiEntity {
    /** An e-mail address. */
    EMAIL_ADDRESS,
    /** A telephone number of one of the scanned regions (libphonenumber). */
    PHONE_NUMBER,
    /** A payment card number that passes the Luhn checksum. */
    CREDIT_CARD,
    /** An international bank account number that passes the mod-97 checksum and its country's format. */
    IBAN_CODE,
    /** A United States social security number. */
    US_SSN,
    /** An IPv4 or IPv6 address. */
    IP_ADDRESS,
    /** A date; the column scan reports it only in columns named like dates of birth. */
    DATE_TIME;

    /** The measurement name of the entity in checks: {@code email_address}, {@code us_ssn}, ... */
    public String measurement() {
        return name().toLowerCase(Locale.ROOT);
    }
}
