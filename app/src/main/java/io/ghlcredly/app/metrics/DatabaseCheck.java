package io.ghlcredly.app.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Whether the database answers {@code SELECT 1}; {@link ReadinessChecks} bounds the wait. */
public final class DatabaseCheck implements ReadinessCheck {
  private final DataSource dataSource;

  public DatabaseCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Optional<String> problem() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      return rows.next() ? Optional.empty() : Optional.of("SELECT 1 returned no row");
    } catch (SQLException e) {
      // The SQL state says what failed without echoing connection details.
      return Optional.of("SQL state " + e.getSQLState());
    }
  }
}
