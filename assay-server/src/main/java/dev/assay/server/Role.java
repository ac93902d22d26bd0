package dev.assay.server;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a token may do; each role may do what the roles before it may. */
public enum Role implements RouteRole {
    /** Reads summaries, metrics and dashboards. */
    VIEWER,
    /** Also sends predictions, labels and references. */
    WRITER,
    /** Also creates models and tokens. */
    ADMIN;

    /** Whether this role may use a route that needs {@code required}. */
    boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The role named {@code name} (any case); null if there is none. */
    static Role named(String name) {
        for (Role r : values()) {
            if (r.name().equals(name.toUpperCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
