package dev.assay.registry.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    /** Does the work; an exception rolls the transaction back. */
    T run(Connection connection) throws SQLException;
}
