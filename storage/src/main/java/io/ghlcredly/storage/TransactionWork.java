package io.ghlcredly.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection, inside a transaction ({@link Database#inTransaction}) or not ({@link
 * Database#withConnection}).
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
  T execute(Connection connection) throws SQLException;
}
