package io.ghlcredly.app.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Asks {@code GET /health/live} every {@code every}, one probe at a time, each on a new connection
 * (as an orchestrator's probe does): the time from connecting to the whole answer, and whether it
 * was a 200. Thread-safe.
 */
final class LiveProbe implements AutoCloseable {
  private static final int TIMEOUT_MS = 5_000;

  private final InetSocketAddress server;
  private final Duration every;
  private final List<Long> okNanos = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private volatile boolean running = true;
  private final Thread thread;

  private LiveProbe(int port, Duration every) {
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    this.every = every;
    this.thread = Thread.ofPlatform().daemon().name("live-probe").start(this::run);
  }

  static LiveProbe start(int port, Duration every) {
    return new LiveProbe(port, every);
  }

  private void run() {
    long next = System.nanoTime();
    while (running) {
      long start = System.nanoTime();
      String failure = probe();
      long took = System.nanoTime() - start;
      synchronized (this) {
        if (failure == null) {
          okNanos.add(took);
        } else {
          failures.add(failure);
        }
      }
      next += every.toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else {
        next = System.nanoTime();
      }
    }
  }

  /** Null when the answer was a 200, else what went wrong. */
  private @Nullable String probe() {
    try (Socket socket = new Socket()) {
      socket.connect(server, TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      socket
          .getOutputStream()
          .write(
              "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return answer.startsWith("HTTP/1.1 200") ? null : "status " + firstLine(answer);
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static String firstLine(String answer) {
    int end = answer.indexOf('\r');
    return end < 0 ? answer : answer.substring(0, end);
  }

  /** Stops probing; returns what was seen. */
  Result stop() throws InterruptedException {
    running = false;
    thread.join(TIMEOUT_MS * 2L);
    synchronized (this) {
      return new Result(List.copyOf(okNanos), List.copyOf(failures));
    }
  }

  /**
   * @param okNanos the time each 200 took
   * @param failures what went wrong with the others
   */
  record Result(List<Long> okNanos, List<String> failures) {
    int probes() {
      return okNanos.size() + failures.size();
    }

    /** The p-th percentile (nearest rank) of the 200s, counting each failure as slowest. */
    long percentileNanos(double p) {
      List<Long> all = new ArrayList<>(okNanos);
      failures.forEach(failure -> all.add(Long.MAX_VALUE));
      return Percentiles.of(all, p);
    }

    String describe(double p) {
      long nanos = percentileNanos(p);
      return nanos == Long.MAX_VALUE
          ? "a failure"
          : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
  }

  @Override
  public void close() {
    if (running) {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
