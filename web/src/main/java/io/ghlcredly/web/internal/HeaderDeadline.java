package io.ghlcredly.web.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request head is still incomplete some time after its first bytes came
 * in. Jetty's idle timeout restarts with every byte, so a client trickling one header line every
 * few seconds would otherwise hold its connection for good. A connection sending nothing is left to
 * the idle timeout; one waiting between keep-alive requests is never cut. Thread-safe.
 */
public final class HeaderDeadline implements Connection.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

  private final long timeoutNanos;
  private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("header-deadline").unstarted(runnable));

  public HeaderDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long every = Math.max(100, timeout.toMillis() / 4);
    var unused = sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /** What is known of one connection between requests. */
  private static final class Watch {
    /** Bytes read when the last request ended (or 0): more than that means a new head began. */
    volatile long bytesAtRest;

    volatile boolean inRequest;

    /** When the sweep first saw bytes of a head that is not complete; 0 when none. */
    volatile long headSeenAt;
  }

  @Override
  public void onOpened(Connection connection) {
    watched.put(connection, new Watch());
  }

  @Override
  public void onClosed(Connection connection) {
    watched.remove(connection);
  }

  void requestStarted(Connection connection) {
    Watch watch = watched.get(connection);
    if (watch != null) {
      watch.inRequest = true;
      watch.headSeenAt = 0;
    }
  }

  void requestEnded(Connection connection) {
    Watch watch = watched.get(connection);
    if (watch != null) {
      watch.bytesAtRest = connection.getBytesIn();
      watch.inRequest = false;
      watch.headSeenAt = 0;
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    watched.forEach(
        (connection, watch) -> {
          if (watch.inRequest || connection.getBytesIn() <= watch.bytesAtRest) {
            return;
          }
          if (watch.headSeenAt == 0) {
            watch.headSeenAt = now;
          } else if (now - watch.headSeenAt > timeoutNanos) {
            log.atInfo()
                .addKeyValue("remote", connection.getEndPoint().getRemoteSocketAddress())
                .log("closing a connection whose request head did not arrive in time");
            watched.remove(connection);
            connection.close();
          }
        });
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
