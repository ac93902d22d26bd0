package dev.assay.core.pii;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces identifying values by keyed pseudonyms: {@code HMAC-SHA256(key, value)}, the first 16 bytes as 32 hex
 * digits. The same key gives the same pseudonym for the same value in every column and file (joins still work);
 * without the key a pseudonym cannot be recomputed from a guessed value. Missing values stay missing.
 *
 * <p>With {@code keepEmailShape}, a value with one {@code @} becomes {@code <local>@<domain>.invalid}: the local
 * part and the domain are pseudonymised separately (16 and 10 hex digits), so addresses of one domain keep a
 * common pseudonymous domain, and the reserved {@code .invalid} top-level domain (RFC 2606) can never be delivered.
 */
public final class Pseudonymiser {
    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private final Mac mac;
    private final boolean keepEmailShape;

    /**
     * A pseudonymiser with {@code key}.
     *
     * @throws InvalidInputException when the key is shorter than {@link #MIN_KEY_BYTES} bytes; the message never
     *     shows the key
     */
    public Pseudonymiser(byte[] key, boolean keepEmailShape) {
        if (key.length < MIN_KEY_BYTES) {
            throw new InvalidInputException("The pseudonymisation key has " + key.length + " bytes; use at least " + MIN_KEY_BYTES
                    + " random bytes (e.g. `head -c 32 /dev/urandom | base64 > key`).");
        }
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
        this.keepEmailShape = keepEmailShape;
    }

    /** The pseudonym of {@code value}; null for null. */
    public String pseudonym(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (keepEmailShape && at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1) {
            return hex(value.substring(0, at), 8) + "@" + hex(value.substring(at + 1).toLowerCase(java.util.Locale.ROOT), 5) + ".invalid";
        }
        return hex(value, 16);
    }

    /** {@code frame} with the named columns replaced by text columns of pseudonyms. */
    public Frame pseudonymise(Frame frame, List<String> columns) {
        if (columns.isEmpty()) {
            throw new InvalidInputException("No column to pseudonymise: name the identifying columns, e.g. --columns email,phone.");
        }
        Frame out = frame;
        for (String name : columns) {
            Column c = frame.column(name, "column to pseudonymise");
            String[] values = new String[c.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = pseudonym(c.format(i));
            }
            out = out.withColumn(TextColumn.wrap(name, values));
        }
        return out;
    }

    private String hex(String value, int bytes) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest, 0, bytes);
    }
}
