package dev.assay.server;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Tag;

/**
 * Every test of {@link AssayServerTest} on PostgreSQL (profile {@code postgres}): each in a fresh schema of the
 * server at {@code ASSAY_TEST_POSTGRES_URL} (see scripts/ci/postgres.sh); without the variable the tests fail.
 */
@Tag("postgres")
class AssayServerPostgresTest extends AssayServerTest {
    private String url;

    @Override
    String jdbcUrl() {
        if (url == null) {
            url = freshSchema();
        }
        return url;
    }

    /** The URL of a new, empty schema on the server at {@code ASSAY_TEST_POSTGRES_URL}. */
    static String freshSchema() {
        String base = System.getenv("ASSAY_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            fail("The postgres profile needs ASSAY_TEST_POSTGRES_URL (run eval \"$(scripts/ci/postgres.sh)\" first)");
        }
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema in " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
