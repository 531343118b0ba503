package io.ghlcredly.storage.internal;

import java.sql.SQLException;

/** SQLSTATE checks shared by the stores. */
public final class SqlStates {
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlStates() {}

  /** Whether the exception, or one it wraps, is a unique-key violation. */
  public static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
