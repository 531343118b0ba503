package io.ghlcredly.app.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers {@code SELECT 1} within a short timeout. The query runs on a virtual
 * thread so that a pool waiting for a connection, or a locked database, cannot hold the probe
 * longer than the timeout. Thread-safe.
 */
public final class DatabaseCheck implements ReadinessCheck {
  private final DataSource dataSource;
  private final Duration timeout;

  public DatabaseCheck(DataSource dataSource, Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Optional<String> problem() {
    CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("readiness-database")
        .start(
            () -> {
              try {
                answer.complete(query());
              } catch (RuntimeException e) {
                answer.complete(Optional.of(e.getClass().getSimpleName()));
              }
            });
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Optional.of(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private Optional<String> query() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        return rows.next() ? Optional.empty() : Optional.of("SELECT 1 returned no row");
      }
    } catch (SQLException e) {
      // The SQL state says what failed without echoing connection details.
      return Optional.of("SQL state " + e.getSQLState());
    }
  }
}
