package io.ghlcredly.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback that pipes every connection to a target, for network faults a test can
 * switch on and off: {@link #cut()} resets every live connection and refuses new ones (a database
 * or API that went away), {@link #restore()} takes connections again on the same port, and {@link
 * #reset(SocketAddress)} resets the one client whose piped connection reached the target from a
 * given address (a connection reset in the middle of one exchange). Resets are real TCP resets
 * (RST, through {@code SO_LINGER} 0), not orderly closes. One virtual thread per direction of each
 * connection. Thread-safe; close it to stop listening and drop every connection.
 */
public final class TcpProxy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

  private final InetSocketAddress target;
  private final int port;
  private final Map<SocketAddress, Link> links = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong resets = new AtomicLong();
  private final Object listening = new Object();
  private @Nullable ServerSocket listener;
  private boolean closed;
  // Set before a cut resets the links, read by a connection after it joins them: a connection
  // accepted just before the cut and piped just after it is reset too, never left alive.
  private volatile boolean down;

  private TcpProxy(InetSocketAddress target, int port) {
    this.target = target;
    ServerSocket socket = listen(port);
    this.port = socket.getLocalPort();
    accept(socket);
  }

  /** Starts a proxy to {@code target} on a free loopback port. */
  public static TcpProxy start(InetSocketAddress target) {
    return new TcpProxy(target, 0);
  }

  /** Starts a proxy to {@code target} on the loopback port {@code port} (0: a free one). */
  public static TcpProxy start(InetSocketAddress target, int port) {
    return new TcpProxy(target, port);
  }

  /** Starts a proxy to the loopback port {@code targetPort} on a free loopback port. */
  public static TcpProxy toLoopbackPort(int targetPort) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
  }

  /** The loopback port clients connect to; the same after a cut and a restore. */
  public int port() {
    return port;
  }

  /** Connections accepted so far (refused ones during a cut not counted). */
  public long connectionsAccepted() {
    return accepted.get();
  }

  /** Connections reset so far, by {@link #cut()} or {@link #reset(SocketAddress)}. */
  public long connectionsReset() {
    return resets.get();
  }

  /** Connections piped now. */
  public int liveConnections() {
    return links.size();
  }

  /**
   * Resets every live connection and stops listening, so new connections are refused, until {@link
   * #restore()}.
   */
  public void cut() {
    synchronized (listening) {
      down = true;
      ServerSocket socket = listener;
      listener = null;
      if (socket != null) {
        closeQuietly(socket);
      }
    }
    for (Link link : links.values()) {
      link.reset();
    }
    log.atInfo().addKeyValue("port", port).log("proxy cut");
  }

  /** Listens again on the same port after {@link #cut()}; does nothing when not cut. */
  public void restore() {
    synchronized (listening) {
      if (closed || listener != null) {
        return;
      }
      ServerSocket socket = listen(port);
      down = false;
      accept(socket);
    }
    log.atInfo().addKeyValue("port", port).log("proxy restored");
  }

  /**
   * Resets the client side of the connection whose upstream half has the local address {@code
   * upstreamLocal} (what the target sees as its peer, such as an HTTP exchange's remote address).
   *
   * @return false when no live connection has that address
   */
  public boolean reset(SocketAddress upstreamLocal) {
    Link link = links.get(upstreamLocal);
    if (link == null) {
      return false;
    }
    link.reset();
    return true;
  }

  @Override
  public void close() {
    synchronized (listening) {
      closed = true;
    }
    cut();
  }

  private void accept(ServerSocket socket) {
    synchronized (listening) {
      listener = socket;
    }
    Thread.ofVirtual()
        .name("tcp-proxy-accept-" + port)
        .start(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  accepted.incrementAndGet();
                  Thread.ofVirtual().start(() -> connect(client));
                } catch (IOException stopped) {
                  return; // closed by cut() or close()
                }
              }
            });
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target);
    } catch (IOException e) {
      // The target is down: the client sees its connection reset, as it would see a refusal.
      resetQuietly(client);
      closeQuietly(upstream);
      return;
    }
    Link link = new Link(client, upstream);
    links.put(upstream.getLocalSocketAddress(), link);
    if (down) {
      link.reset();
      return;
    }
    Thread.ofVirtual().start(() -> link.pipe(client, upstream));
    Thread.ofVirtual().start(() -> link.pipe(upstream, client));
  }

  private ServerSocket listen(int onPort) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + onPort, e);
    }
  }

  /** One piped connection: the client's socket and ours to the target. */
  private final class Link {
    private final Socket client;
    private final Socket upstream;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void pipe(Socket from, Socket to) {
      try (InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // One side closed or was reset: the link ends.
      } finally {
        end();
      }
    }

    void reset() {
      if (links.remove(upstream.getLocalSocketAddress(), this)) {
        resets.incrementAndGet();
      }
      resetQuietly(client);
      resetQuietly(upstream);
    }

    private void end() {
      links.remove(upstream.getLocalSocketAddress(), this);
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  /** Closes with SO_LINGER 0: the peer gets a TCP reset, not an orderly end of stream. */
  private static void resetQuietly(Socket socket) {
    try {
      if (!socket.isClosed()) {
        socket.setSoLinger(true, 0);
      }
    } catch (IOException e) {
      // Closing anyway.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Nothing left to do with it.
    }
  }
}
