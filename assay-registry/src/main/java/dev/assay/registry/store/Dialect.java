package dev.assay.registry.store;

import java.util.Locale;

/** The SQL databases a {@link Database} runs on, each with its own Flyway migrations. */
public enum Dialect {
    /** Embedded SQLite: one writer at a time, taken with {@code BEGIN IMMEDIATE}. */
    SQLITE("sqlite"),
    /** PostgreSQL: writers serialise on row locks ({@code SELECT ... FOR UPDATE}). */
    POSTGRESQL("postgresql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The dialect of a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}); null for any other. */
    public static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** The Flyway location of this dialect's migrations for the schema {@code schema}, e.g. {@code db/registry}. */
    public String migrations(String schema) {
        return "classpath:" + schema + "/" + id;
    }

    /**
     * Appends the row lock that serialises writers on one row to a {@code SELECT}: {@code FOR UPDATE}
     * in PostgreSQL, nothing in SQLite, whose {@code BEGIN IMMEDIATE} already locks the database.
     */
    public String forUpdate(String select) {
        return this == POSTGRESQL ? select + " FOR UPDATE" : select;
    }
}
