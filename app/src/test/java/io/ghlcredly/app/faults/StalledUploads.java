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
import java.util.Arrays;
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
 * Keeps {@code count} webhook uploads open against a server: each declares a 1 MiB body ({@code
 * Content-Length}), sends seven eighths of it at once and then stalls, sending nothing more. When
 * the server ends one (an answer, a close or a reset) the attacker opens another a second later, so
 * the pressure lasts as long as the attack. Counts how the server ended them and how long it held
 * those whose bytes it took. Thread-safe.
 */
final class StalledUploads implements AutoCloseable {
  static final int DECLARED = 1 << 20;
  static final int SENT = DECLARED / 8 * 7;

  /** An upload answered within this much of its last byte was refused, not held. */
  private static final long REFUSED_NANOS = Duration.ofSeconds(1).toNanos();

  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final byte[] CHUNK = filled(64 * 1024);

  private final InetSocketAddress server;
  private final int count;
  private final ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<Socket, Long> stallingSince = new ConcurrentHashMap<>();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger connectFailures = new AtomicInteger();
  private final Map<String, Integer> refused = new ConcurrentHashMap<>();
  private final Map<String, Integer> heldThenEnded = new ConcurrentHashMap<>();
  private final List<Long> heldNanos = new ArrayList<>();
  private final List<Long> stillHeldAtStopNanos = new ArrayList<>();
  private volatile boolean stopping;

  StalledUploads(int port, int count) {
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    this.count = count;
  }

  /** Opens the uploads; returns at once. */
  void start() {
    for (int i = 0; i < count; i++) {
      attackers.execute(this::attack);
    }
  }

  private void attack() {
    while (!stopping) {
      upload();
      if (!stopping) {
        pause(RECONNECT);
      }
    }
  }

  private void upload() {
    Socket socket = new Socket();
    open.add(socket);
    try (socket) {
      socket.connect(server, 5_000);
      started.incrementAndGet();
      OutputStream out = socket.getOutputStream();
      out.write(head().getBytes(StandardCharsets.US_ASCII));
      int sent = 0;
      try {
        while (sent < SENT) {
          int length = Math.min(CHUNK.length, SENT - sent);
          out.write(CHUNK, 0, length);
          sent += length;
        }
        out.flush();
      } catch (IOException e) {
        // The server stopped reading (answered, closed or reset): how is read below.
      }
      long stalled = System.nanoTime();
      stallingSince.put(socket, stalled);
      String ending = ending(socket);
      stallingSince.remove(socket);
      long held = System.nanoTime() - stalled;
      if (stopping) {
        return;
      }
      if (held < REFUSED_NANOS) {
        refused.merge(ending, 1, Integer::sum);
      } else {
        heldThenEnded.merge(ending, 1, Integer::sum);
        synchronized (heldNanos) {
          heldNanos.add(held);
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        connectFailures.incrementAndGet();
      }
    } finally {
      open.remove(socket);
    }
  }

  private String head() {
    return "POST /webhooks/ghl HTTP/1.1\r\n"
        + "Host: 127.0.0.1:"
        + server.getPort()
        + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: "
        + DECLARED
        + "\r\n\r\n";
  }

  /**
   * Blocks until the server answers or closes: {@code HTTP 429}, {@code closed} or {@code reset}.
   */
  private static String ending(Socket socket) {
    try {
      socket.setSoTimeout(0);
      InputStream in = socket.getInputStream();
      byte[] line = new byte[12];
      int read = in.readNBytes(line, 0, line.length);
      if (read == 0) {
        return "closed without an answer";
      }
      String text = new String(line, 0, read, StandardCharsets.US_ASCII);
      return text.startsWith("HTTP/1.1 ") && read >= 12
          ? "answered " + text.substring(9, 12)
          : "answered " + text.strip();
    } catch (SocketTimeoutException e) {
      return "timed out";
    } catch (IOException e) {
      return "reset";
    }
  }

  /** Stops the attack: no new uploads; those still held are closed by the attacker. */
  void stop() throws InterruptedException {
    stopping = true;
    long now = System.nanoTime();
    synchronized (stillHeldAtStopNanos) {
      stallingSince.values().forEach(since -> stillHeldAtStopNanos.add(now - since));
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing is all we want.
      }
    }
    attackers.shutdown();
    attackers.awaitTermination(30, TimeUnit.SECONDS);
  }

  int started() {
    return started.get();
  }

  int connectFailures() {
    return connectFailures.get();
  }

  /** How the uploads the server ended within a second of their last byte were ended. */
  Map<String, Integer> refused() {
    return new TreeMap<>(refused);
  }

  /** How the uploads the server held (took their bytes, then waited) were ended by the server. */
  Map<String, Integer> heldThenEnded() {
    return new TreeMap<>(heldThenEnded);
  }

  /** How long the server held each upload it ended after a stall. */
  List<Long> heldNanos() {
    synchronized (heldNanos) {
      return List.copyOf(heldNanos);
    }
  }

  /** How long each upload still stalled when the attack stopped had been stalled. */
  List<Long> stillHeldAtStopNanos() {
    synchronized (stillHeldAtStopNanos) {
      return List.copyOf(stillHeldAtStopNanos);
    }
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
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
