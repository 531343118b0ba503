package io.ghlcredly.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upkeep H2 does in a background thread unless each commit is written at once ({@code
 * WRITE_DELAY=0}, which the service needs and which stops that thread):
 *
 * <ul>
 *   <li>every {@link #SYNC_EVERY}, the file is forced to disk ({@code CHECKPOINT SYNC}); H2 never
 *       does so itself. With that, overwritten parts of the file need to be kept only {@link
 *       H2Files#RETENTION} instead of 45 s (H2's own advice for a shorter retention, in its SET
 *       RETENTION_TIME help): after a power loss the file opens at a state about a second old;
 *   <li>every {@link #COMPACT_EVERY}, the parts of the file that hold little live data are
 *       rewritten and the file is shrunk, or it grows by every commit (measured: 2.6 MB/s at 600
 *       commits/s without, flat with).
 * </ul>
 *
 * <p>{@link #syncNow} forces the file on demand, for work that must survive a power loss before it
 * is reported done.
 */
public final class H2Upkeep implements AutoCloseable {
  /** How often the file is forced to disk; well below {@link H2Files#RETENTION}. */
  public static final Duration SYNC_EVERY = Duration.ofSeconds(1);

  /** How often the file is compacted. */
  static final Duration COMPACT_EVERY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(H2Upkeep.class);

  /** A sync slower than this eats into the retention's margin: worth a warning. */
  private static final Duration SLOW = Duration.ofMillis(H2Files.RETENTION.toMillis() / 2);

  /** Parts of the file below this share of live data are rewritten, as H2's housekeeping does. */
  private static final int TARGET_FILL_PERCENT = 50;

  /** At most this much is rewritten or moved per compaction: a short pause for commits. */
  private static final int COMPACT_BYTES = 8 * 1024 * 1024;

  private final DataSource dataSource;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "h2-upkeep");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean failing;
  private long runs;

  /** Without its timer: tests drive {@link #compactNow} themselves. */
  H2Upkeep(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Starts the upkeep of the database behind {@code dataSource}. */
  public static H2Upkeep start(DataSource dataSource) {
    H2Upkeep upkeep = new H2Upkeep(dataSource);
    ScheduledFuture<?> unused =
        upkeep.timer.scheduleWithFixedDelay(
            upkeep::runOnce, SYNC_EVERY.toMillis(), SYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return upkeep;
  }

  /**
   * Forces the file to disk now: everything committed so far survives a power loss.
   *
   * @throws SQLException when H2 cannot
   */
  public void syncNow() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    }
  }

  /**
   * Rewrites the parts of the file with little live data and moves parts to shrink the file, each
   * at most {@link #COMPACT_BYTES}; H2 drops what is no longer used once the retention passed.
   *
   * @throws SQLException when the store cannot be reached
   */
  void compactNow() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = store(connection);
      if (store.compact(TARGET_FILL_PERCENT, COMPACT_BYTES)) {
        store.commit();
      }
      if (store.getFileStore() instanceof RandomAccessStore file) {
        file.compactMoveChunks(TARGET_FILL_PERCENT, COMPACT_BYTES, store);
      }
    }
  }

  /** The MVStore behind an embedded H2 connection (H2's engine classes, pinned version). */
  private static MVStore store(Connection connection) throws SQLException {
    Session session = connection.unwrap(JdbcConnection.class).getSession();
    if (!(session instanceof SessionLocal local)) {
      throw new SQLException("not an embedded H2 database: " + session.getClass().getName());
    }
    return local.getDatabase().getStore().getMvStore();
  }

  private void runOnce() {
    long started = System.nanoTime();
    try {
      syncNow();
      if (++runs % (COMPACT_EVERY.toMillis() / SYNC_EVERY.toMillis()) == 0) {
        compactNow();
      }
      if (failing) {
        failing = false;
        log.atInfo().log("H2 upkeep works again");
      }
    } catch (SQLException | RuntimeException e) {
      // Logged once per outage: the next run tries again, and the process keeps working.
      if (!failing) {
        failing = true;
        log.atWarn()
            .addKeyValue("cause", e.toString())
            .log("H2 upkeep failed: the file may not be on disk or may grow; retrying each second");
      }
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (took.compareTo(SLOW) > 0) {
      log.atWarn()
          .addKeyValue("tookMs", took.toMillis())
          .log("H2 upkeep is slow: a power loss now may damage the file");
    }
  }

  /** Stops; a run under way finishes first. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
