package dev.assay.server;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the dashboard: signing in with a token gives a random session id in a cookie
 * ({@code HttpOnly}, {@code SameSite=Strict}) and a CSRF token that every form posting from the dashboard
 * must carry. Sessions live in memory for 12 hours; a restart signs everyone out. The API never reads the
 * cookie (only bearer tokens), so a forged cross-site request cannot reach it.
 */
final class Sessions {
    static final String COOKIE = "assay_session";
    private static final long LIFETIME_MILLIS = 12 * 3600_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in browser: who, its CSRF token, and when it expires. */
    record Session(Tokens.Holder holder, String csrf, long expiresAtMillis) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A new session for {@code holder}; answers its id. */
    String open(Tokens.Holder holder) {
        String id = random();
        sessions.put(id, new Session(holder, random(), System.currentTimeMillis() + LIFETIME_MILLIS));
        return id;
    }

    /** The live session of {@code id}, if any; an expired one is forgotten. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAtMillis() < System.currentTimeMillis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        sessions.remove(id);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
