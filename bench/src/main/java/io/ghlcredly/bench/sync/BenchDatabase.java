package io.ghlcredly.bench.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's service keeps its data: a new H2 file in a temporary folder, or a new schema on the
 * PostgreSQL server given by {@code bench.pg} or {@code GCS_TEST_PG_URL}, dropped when closed.
 */
final class BenchDatabase implements AutoCloseable {
  private final String kind;
  private final String url;
  private final @Nullable Path h2Folder;
  private final @Nullable String serverUrl;
  private final @Nullable String schema;

  private BenchDatabase(
      String kind,
      String url,
      @Nullable Path h2Folder,
      @Nullable String serverUrl,
      @Nullable String schema) {
    this.kind = kind;
    this.url = url;
    this.h2Folder = h2Folder;
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  static BenchDatabase h2(Path folder) {
    return new BenchDatabase(
        "H2", "jdbc:h2:file:" + folder.resolve("sync").toAbsolutePath(), folder, null, null);
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
        "PostgreSQL", serverUrl + separator + "currentSchema=" + schema, null, serverUrl, schema);
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

  /**
   * What the data takes on disk now: the H2 files, or the PostgreSQL schema's tables with their
   * indexes and TOAST; -1 when it cannot be read.
   */
  long sizeBytes() {
    if (h2Folder != null) {
      try (Stream<Path> files = Files.list(h2Folder)) {
        return files.mapToLong(BenchDatabase::sizeOf).sum();
      } catch (IOException e) {
        return -1;
      }
    }
    if (serverUrl == null || schema == null) {
      return -1;
    }
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'r' AND n.nspname = '"
                    + schema
                    + "'")) {
      return row.next() ? row.getLong(1) : -1;
    } catch (SQLException e) {
      return -1;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
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
