package io.ghlcredly.bench.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's service keeps its data: a new H2 file in a temporary folder, or a new schema on the
 * PostgreSQL server given by {@code bench.pg} or {@code GCS_TEST_PG_URL}, dropped when closed.
 */
final class BenchDatabase implements AutoCloseable {
  private final String kind;
  private final String url;
  private final @Nullable String serverUrl;
  private final @Nullable String schema;

  private BenchDatabase(
      String kind, String url, @Nullable String serverUrl, @Nullable String schema) {
    this.kind = kind;
    this.url = url;
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  static BenchDatabase h2(Path folder) {
    return new BenchDatabase(
        "H2", "jdbc:h2:file:" + folder.resolve("sync").toAbsolutePath(), null, null);
  }

  /**
   * @param serverUrl such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
   */
  static BenchDatabase postgres(String serverUrl) {
    String schema =
        "bench_"
            + (System.currentTimeMillis() / 1000)
            + "_"
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    execute(serverUrl, "CREATE SCHEMA " + schema);
    String separator = serverUrl.contains("?") ? "&" : "?";
    return new BenchDatabase(
        "PostgreSQL", serverUrl + separator + "currentSchema=" + schema, serverUrl, schema);
  }

  /** The server's version, for the report; "unknown" when it cannot be asked. */
  static String serverVersion(String serverUrl) {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW server_version")) {
      return row.next() ? row.getString(1) : "unknown";
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** {@code H2} or {@code PostgreSQL}. */
  String kind() {
    return kind;
  }

  String url() {
    return url;
  }

  private static void execute(String serverUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (serverUrl != null && schema != null) {
      execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
