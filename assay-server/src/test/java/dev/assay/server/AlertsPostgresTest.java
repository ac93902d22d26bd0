package dev.assay.server;

import org.junit.jupiter.api.Tag;

/** Every test of {@link AlertsTest} on PostgreSQL (profile {@code postgres}), each in a fresh schema. */
@Tag("postgres")
class AlertsPostgresTest extends AlertsTest {
    private String url;

    @Override
    String jdbcUrl() {
        if (url == null) {
            url = AssayServerPostgresTest.freshSchema();
        }
        return url;
    }
}
