package io.ghlcredly.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC boilerplate of the stores: statements with positional parameters on the {@link
 * Database}'s current connection (the thread's transaction, if any). An {@link Instant} parameter
 * is sent as a UTC {@link OffsetDateTime} truncated to microseconds, the precision both databases
 * keep. Thread-safe.
 */
public final class Jdbc {
  private final Database database;

  public Jdbc(Database database) {
    this.database = database;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an INSERT, UPDATE, DELETE or MERGE; returns the number of rows changed. */
  public int update(String sql, @Nullable Object... params) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
          }
        });
  }

  /** Runs an INSERT into a table whose identity column is {@code id}; returns the new id. */
  public long insertReturningId(String sql, String idColumn, @Nullable Object... params) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("the insert returned no generated key");
              }
              return keys.getLong(idColumn);
            }
          }
        });
  }

  /**
   * Runs one statement per parameter row as a JDBC batch in one transaction; returns rows changed.
   */
  public int batch(String sql, List<@Nullable Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (@Nullable Object[] row : rows) {
              bind(statement, row);
              statement.addBatch();
            }
            int changed = 0;
            for (int count : statement.executeBatch()) {
              changed += Math.max(count, 0);
            }
            return changed;
          }
        });
  }

  /**
   * Runs one statement per parameter row as a JDBC batch (one round trip) in the caller's
   * transaction, or in one of its own; returns the rows each statement changed.
   */
  public int[] batchCounts(String sql, List<@Nullable Object[]> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    return database.inTransaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (@Nullable Object[] row : rows) {
              bind(statement, row);
              statement.addBatch();
            }
            return statement.executeBatch();
          }
        });
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
    return database.withConnection(connection -> query(connection, sql, mapper, params));
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, @Nullable Object... params) {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  /** A single number, such as a count. */
  public long queryLong(String sql, @Nullable Object... params) {
    return queryOne(sql, row -> row.getLong(1), params).orElse(0L);
  }

  private static <T> List<T> query(
      Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  private static void bind(PreparedStatement statement, @Nullable Object... params)
      throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      int index = i + 1;
      switch (param) {
        case null -> statement.setNull(index, Types.NULL);
        case Instant instant -> statement.setObject(index, toSql(instant));
        case byte[] bytes -> statement.setBytes(index, bytes);
        default -> statement.setObject(index, param);
      }
    }
  }

  /** The value to send for an instant: UTC, in microseconds. */
  public static OffsetDateTime toSql(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  /** Reads a TIMESTAMP WITH TIME ZONE column that must not be null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Instant value = nullableInstant(row, column);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  /** Reads a TIMESTAMP WITH TIME ZONE column that may be null. */
  public static @Nullable Instant nullableInstant(ResultSet row, String column)
      throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
