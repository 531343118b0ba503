package io.ghlcredly.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated databases for tests: H2 in a file under a test's temporary folder, or a new
 * schema on PostgreSQL. PostgreSQL is the server at {@value #PG_URL_ENV} (for example {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else an embedded one (zonky), which
 * PostgreSQL refuses to run as root: there the PostgreSQL tests are skipped with a message.
 *
 * <p>Shipped in the storage test-jar for other modules' tests. Thread-safe.
 */
public final class TestDatabases {
  /** The environment variable naming a PostgreSQL server for tests. */
  public static final String PG_URL_ENV = "GCS_TEST_PG_URL";

  private static final String SCHEMA_PREFIX = "t_";
  private static final long STALE_SCHEMA_SECONDS = 3600;
  private static @Nullable EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** A new H2 database in the folder (use a JUnit {@code @TempDir}). */
  public static Database h2(Path folder) {
    return Database.open(h2Settings(folder));
  }

  public static DatabaseSettings h2Settings(Path folder) {
    return DatabaseSettings.of(
        "jdbc:h2:file:" + folder.resolve("db").resolve("sync").toAbsolutePath());
  }

  /** A database on a new, empty PostgreSQL schema; skips the test when there is no PostgreSQL. */
  public static Database postgres() {
    return Database.open(postgresSettings());
  }

  /**
   * Settings for a new, empty schema; skips the test when there is no PostgreSQL. Schemas of
   * earlier runs older than an hour are dropped on the way.
   */
  public static DatabaseSettings postgresSettings() {
    String baseUrl = postgresBaseUrl();
    String schema =
        SCHEMA_PREFIX
            + (System.currentTimeMillis() / 1000)
            + "_"
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    try (Connection connection = DriverManager.getConnection(baseUrl);
        Statement statement = connection.createStatement()) {
      dropStaleSchemas(statement);
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema on " + PG_URL_ENV, e);
    }
    String separator = baseUrl.contains("?") ? "&" : "?";
    return DatabaseSettings.of(baseUrl + separator + "currentSchema=" + schema);
  }

  /** The JDBC URL of the test PostgreSQL server, without a schema; skips when there is none. */
  public static synchronized String postgresBaseUrl() {
    String fromEnv = System.getenv(PG_URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "PostgreSQL tests skipped: "
            + PG_URL_ENV
            + " is not set and embedded PostgreSQL refuses to run as root");
    if (embedded == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
        embedded = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  private static void dropStaleSchemas(Statement statement) throws SQLException {
    long now = System.currentTimeMillis() / 1000;
    List<String> stale = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + SCHEMA_PREFIX + "%'")) {
      while (rows.next()) {
        String name = rows.getString(1);
        String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_", 2);
        if (parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)) {
          long created = Long.parseLong(parts[0]);
          if (now - created > STALE_SCHEMA_SECONDS) {
            stale.add(name);
          }
        }
      }
    }
    for (String name : stale) {
      statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // Shutting down anyway.
    }
  }
}
