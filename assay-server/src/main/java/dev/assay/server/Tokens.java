package dev.assay.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens and their roles. Only the SHA-256 of a token is stored: tokens the service issues carry 256
 * random bits, so a fast hash is as safe as a slow one (no dictionary to try), and the check costs
 * microseconds per request. A token is shown once, when it is created.
 */
final class Tokens {
    /** Who a request's token belongs to. */
    record Holder(String name, Role role) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Storage db;

    Tokens(Storage db) {
        this.db = db;
    }

    /** A new random token: "assay_" and 43 base64url characters (256 bits). */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "assay_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a token, as stored. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The holder of {@code token}, if it is known. */
    Optional<Holder> find(String token) throws SQLException {
        String hash = hash(token);
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, role FROM tokens WHERE hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Holder(r.getString(1), Role.valueOf(r.getString(2)))) : Optional.empty();
                }
            }
        });
    }

    /** Whether any admin token exists. */
    boolean hasAdmin() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tokens WHERE role = 'ADMIN'");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        });
    }

    /**
     * Stores {@code token} for {@code name} with {@code role}.
     *
     * @throws ApiException 409 when the name is taken
     */
    void add(String name, Role role, String token) throws SQLException {
        boolean added = db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tokens (hash, name, role, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                s.setString(1, hash(token));
                s.setString(2, name);
                s.setString(3, role.name());
                s.setLong(4, System.currentTimeMillis());
                return s.executeUpdate() == 1;
            }
        });
        if (!added) {
            throw new ApiException(409, "A token named '" + name + "' exists already; choose another name.");
        }
    }
}
