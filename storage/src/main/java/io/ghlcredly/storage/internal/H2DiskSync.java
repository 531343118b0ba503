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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the embedded H2 file to disk every {@link #EVERY} ({@code CHECKPOINT SYNC}). H2 writes
 * each commit to the file ({@code WRITE_DELAY=0}) but never forces it to disk, and by default keeps
 * overwritten parts of the file for 45 s in the hope that the operating system has written the rest
 * by then. Forcing the file each second lets that retention be {@link H2Files#RETENTION} instead:
 * after a power loss the file opens at a state at most about a second old, and under load it stays
 * a fraction of the size (H2's own advice for a shorter retention, in its SET RETENTION_TIME help).
 */
public final class H2DiskSync implements AutoCloseable {
  /** How often the file is forced to disk; well below {@link H2Files#RETENTION}. */
  public static final Duration EVERY = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(H2DiskSync.class);

  /** A sync slower than this eats into the retention's margin: worth a warning. */
  private static final Duration SLOW = Duration.ofMillis(H2Files.RETENTION.toMillis() / 2);

  private final DataSource dataSource;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "h2-disk-sync");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean failing;

  private H2DiskSync(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Starts forcing the database behind {@code dataSource} to disk every {@link #EVERY}. */
  public static H2DiskSync start(DataSource dataSource) {
    H2DiskSync sync = new H2DiskSync(dataSource);
    ScheduledFuture<?> unused =
        sync.timer.scheduleWithFixedDelay(
            sync::syncOnce, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return sync;
  }

  private void syncOnce() {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
      if (failing) {
        failing = false;
        log.atInfo().log("H2 file forced to disk again");
      }
    } catch (SQLException | RuntimeException e) {
      // Logged once per outage: the next run tries again, and the process keeps working.
      if (!failing) {
        failing = true;
        log.atWarn()
            .addKeyValue("cause", e.toString())
            .log("cannot force the H2 file to disk; a power loss now may lose more");
      }
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (took.compareTo(SLOW) > 0) {
      log.atWarn()
          .addKeyValue("tookMs", took.toMillis())
          .log("forcing the H2 file to disk is slow; a power loss may damage the file");
    }
  }

  /** Stops; a sync under way finishes first. */
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
