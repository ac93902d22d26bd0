package dev.assay.server;

import org.junit.jupiter.api.Tag;

/** {@link TwoServersTest} on PostgreSQL (profile {@code postgres}), where the model's row lock orders the writers. */
@Tag("postgres")
class TwoServersPostgresTest extends TwoServersTest {
    private final AssayServerPostgresTest schema = new AssayServerPostgresTest();

    @Override
    String jdbcUrl() {
        return schema.jdbcUrl();
    }
}
