package io.ghlcredly.app.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps {@code count} connections trickling a request head: a request line, then one more header
 * line every few seconds, never the blank line that ends the head. Jetty's idle timeout restarts
 * with every byte, so only a deadline for the whole head closes them. Measures how long the server
 * let each connection live; when it closes one, another opens. A connection the server still holds
 * after {@code giveUpAfter} is given up by the attacker and counted as held. Thread-safe.
 */
final class SlowHeaders implements AutoCloseable {
  private final InetSocketAddress server;
  private final int count;
  private final Duration trickle;
  private final Duration giveUpAfter;
  private final ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger heldPastGiveUp = new AtomicInteger();
  private final AtomicInteger connectFailures = new AtomicInteger();
  private final Map<String, Integer> endings = new ConcurrentHashMap<>();
  private final List<Long> lifetimes = new ArrayList<>();
  private volatile boolean stopping;

  SlowHeaders(int port, int count, Duration trickle, Duration giveUpAfter) {
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    this.count = count;
    this.trickle = trickle;
    this.giveUpAfter = giveUpAfter;
  }

  void start() {
    for (int i = 0; i < count; i++) {
      int attacker = i;
      attackers.execute(
          () -> {
            while (!stopping) {
              trickle(attacker);
            }
          });
    }
  }

  private void trickle(int attacker) {
    Socket socket = new Socket();
    open.add(socket);
    try (socket) {
      socket.connect(server, 5_000);
      opened.incrementAndGet();
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /webhooks/ghl HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout((int) trickle.toMillis());
      for (int line = 0; ; line++) {
        String ending;
        try {
          int first = in.read();
          ending = first < 0 ? "closed" : "answered " + statusOf(first, in);
        } catch (SocketTimeoutException e) {
          if (System.nanoTime() - start > giveUpAfter.toNanos()) {
            heldPastGiveUp.incrementAndGet();
            return;
          }
          try {
            out.write(
                ("X-Trickle-" + attacker + "-" + line + ": 1\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            continue;
          } catch (IOException writeFailed) {
            ending = "reset";
          }
        } catch (IOException e) {
          ending = "reset";
        }
        endings.merge(ending, 1, Integer::sum);
        synchronized (lifetimes) {
          lifetimes.add(System.nanoTime() - start);
        }
        return;
      }
    } catch (IOException e) {
      if (!stopping) {
        connectFailures.incrementAndGet();
        pause(Duration.ofMillis(200));
      }
    } finally {
      open.remove(socket);
    }
  }

  private static String statusOf(int first, InputStream in) throws IOException {
    byte[] rest = in.readNBytes(11);
    String line = (char) first + new String(rest, StandardCharsets.US_ASCII);
    return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? line.substring(9, 12) : line;
  }

  /**
   * No new connections from now on; those open are left until the server closes them or the
   * attacker gives up on them, which this waits for.
   */
  void stop() throws InterruptedException {
    stopping = true;
    attackers.shutdown();
    if (!attackers.awaitTermination(giveUpAfter.toSeconds() + 10, TimeUnit.SECONDS)) {
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing is all we want.
        }
      }
    }
  }

  int opened() {
    return opened.get();
  }

  int connectFailures() {
    return connectFailures.get();
  }

  /** Connections the server still held when the attacker gave up on them. */
  int heldPastGiveUp() {
    return heldPastGiveUp.get();
  }

  /** How the server ended the connections it ended: {@code closed}, {@code answered 408}, … */
  Map<String, Integer> endings() {
    return new TreeMap<>(endings);
  }

  /** From each ended connection's first byte to its end, in nanoseconds. */
  List<Long> lifetimes() {
    synchronized (lifetimes) {
      return List.copyOf(lifetimes);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (!stopping) {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
