package io.ghlcredly.app.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/** Counts read straight from a service's PostgreSQL schema, beside the running processes. */
final class SchemaQueries {
  private final String url;

  SchemaQueries(String url) {
    this.url = url;
  }

  long count(String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  long eventsStored() {
    return count("SELECT COUNT(*) FROM event_inbox");
  }

  long eventsProcessed() {
    return count("SELECT COUNT(*) FROM event_inbox WHERE processed_at IS NOT NULL");
  }

  long eventsPending() {
    return count("SELECT COUNT(*) FROM event_inbox WHERE processed_at IS NULL");
  }

  long jobsQueued() {
    return count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'contact-sync'");
  }

  long deadLetters() {
    return count("SELECT COUNT(*) FROM dead_letter");
  }

  /** Ids of the events from GHL that were applied. */
  Set<String> processedGhlEventIds() {
    Set<String> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT event_id FROM event_inbox WHERE source = 'ghl'"
                    + " AND processed_at IS NOT NULL")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the inbox", e);
    }
    return ids;
  }
}
