package io.ghlcredly.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ghlcredly.core.error.StorageException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.storage.internal.H2Files;
import io.ghlcredly.storage.internal.H2Upkeep;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a HikariCP pool over H2 or PostgreSQL whose schema Flyway has brought up to date.
 *
 * <p>Transactions are explicit and bound to the calling thread: the stores of this module, called
 * inside {@link #inTransaction}, run on its connection and so commit or roll back with it. Outside
 * a transaction each store call runs on its own auto-commit connection. db-scheduler uses the pool
 * on its own and never joins these transactions. Thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** The longest wait for a pooled connection before the call fails as a storage error. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final @Nullable H2Upkeep upkeep;

  // Per instance on purpose: a transaction belongs to one database, and tests open several.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<@Nullable Connection> transaction = new ThreadLocal<>();

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.upkeep = dialect == Dialect.H2 ? H2Upkeep.start(dataSource) : null;
  }

  /**
   * Opens the pool and migrates the schema.
   *
   * @throws IllegalArgumentException for a URL that is neither H2 nor PostgreSQL
   * @throws StorageException when the database cannot be reached or migrated
   */
  public static Database open(DatabaseSettings settings) {
    Dialect dialect = Dialect.fromJdbcUrl(settings.jdbcUrl());
    if (dialect == Dialect.H2) {
      H2Files.ensureParentFolder(settings.jdbcUrl());
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(poolConfig(settings));
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot connect to the database at " + settings.redactedUrl() + ": " + e.getMessage(), e);
    }
    try {
      migrate(dataSource, dialect);
      if (H2Files.databasePath(settings.jdbcUrl()).isPresent()) {
        requireCommitsWrittenAtOnce(dataSource);
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    log.atInfo()
        .addKeyValue("dialect", dialect)
        .addKeyValue("url", settings.redactedUrl())
        .log("database ready");
    return new Database(dataSource, dialect);
  }

  private static HikariConfig poolConfig(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        Dialect.fromJdbcUrl(settings.jdbcUrl()) == Dialect.H2
            ? H2Files.withServiceDefaults(settings.jdbcUrl())
            : settings.jdbcUrl());
    if (settings.username() != null) {
      config.setUsername(settings.username());
    }
    Secret password = settings.password();
    if (password != null) {
      config.setPassword(password.reveal());
    }
    config.setMaximumPoolSize(settings.maxPoolSize());
    // Hikari waits 30 s for a connection by default: a webhook waiting that long while the
    // database is down would get no answer (lost: GHL retries only a 429) instead of a quick 429.
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    config.setPoolName("ghlcredly-db");
    config.setAutoCommit(true);
    return config;
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationLocation())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("database migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that H2 took {@code WRITE_DELAY=0}: with a delay, a killed process loses commits the
   * service already reported done, which no later check would notice.
   */
  private static void requireCommitsWrittenAtOnce(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      String delay = row.next() ? row.getString(1) : "unknown";
      if (!"0".equals(delay)) {
        throw new IllegalStateException(
            "H2 runs with WRITE_DELAY="
                + delay
                + "; the service needs 0 to keep acknowledged work");
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read H2's WRITE_DELAY: " + e.getMessage(), e);
    }
  }

  /**
   * Makes what is committed survive an operating-system crash or power loss before the caller
   * reports it done. PostgreSQL's commit already is (its log is flushed); H2 never forces its file
   * to disk by itself, so here it is forced now (one fsync for everything committed so far).
   *
   * @throws StorageException when the file cannot be forced
   */
  public void forceToDisk() {
    if (upkeep == null) {
      return;
    }
    try {
      upkeep.syncNow();
    } catch (SQLException e) {
      throw new StorageException("cannot force the database file to disk: " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs the work in one transaction on a connection bound to this thread, committing when it
   * returns and rolling back when it throws. Called inside another transaction of this thread, it
   * joins that one.
   *
   * @throws StorageException wrapping any {@link SQLException}
   */
  public <T> T inTransaction(TransactionWork<T> work) {
    Connection bound = transaction.get();
    if (bound != null) {
      return run(bound, work);
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      transaction.set(connection);
      try {
        T result = work.execute(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        transaction.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StorageException("database transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the work on this thread's transaction connection when there is one, else on a pooled
   * auto-commit connection.
   *
   * @throws StorageException wrapping any {@link SQLException}
   */
  public <T> T withConnection(TransactionWork<T> work) {
    Connection bound = transaction.get();
    if (bound != null) {
      return run(bound, work);
    }
    try (Connection connection = dataSource.getConnection()) {
      return work.execute(connection);
    } catch (SQLException e) {
      throw new StorageException("database call failed: " + e.getMessage(), e);
    }
  }

  /** Whether this thread is inside {@link #inTransaction}. */
  public boolean inTransaction() {
    return transaction.get() != null;
  }

  private static <T> T run(Connection connection, TransactionWork<T> work) {
    try {
      return work.execute(connection);
    } catch (SQLException e) {
      throw new StorageException("database call failed: " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (upkeep != null) {
      upkeep.close();
    }
    dataSource.close();
  }
}
