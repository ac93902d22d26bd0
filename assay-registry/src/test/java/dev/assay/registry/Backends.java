package dev.assay.registry;

import static org.assertj.core.api.Assertions.fail;

import dev.assay.registry.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * The databases the store tests run on: SQLite always; PostgreSQL too when the {@code postgres}
 * Maven profile sets {@code assay.test.postgres}, which then requires the JDBC URL in
 * {@code ASSAY_TEST_POSTGRES_URL} (see scripts/ci/postgres.sh) and fails without it. Each test gets
 * an empty database: a fresh SQLite file, or a fresh PostgreSQL schema.
 */
final class Backends {
    private Backends() {
    }

    static List<Named<Function<Path, Database>>> all() {
        List<Named<Function<Path, Database>>> backends = new ArrayList<>();
        backends.add(Named.of("sqlite", dir -> Database.sqlite(dir.resolve("registry.db"))));
        if ("required".equals(System.getProperty("assay.test.postgres"))) {
            String url = System.getenv("ASSAY_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                fail("The postgres profile needs ASSAY_TEST_POSTGRES_URL (run eval \"$(scripts/ci/postgres.sh)\" first)");
            }
            backends.add(Named.of("postgresql", dir -> freshSchema(url)));
        }
        return backends;
    }

    static Database freshSchema(String url) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema in " + url, e);
        }
        return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }
}
