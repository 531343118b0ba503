package io.ghlcredly.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy pipes bytes both ways, and a cut resets live connections and refuses new ones. */
class TcpProxyIT {
  private final ServerSocket echo;
  private final TcpProxy proxy;

  TcpProxyIT() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket socket = echo.accept();
                  Thread.ofVirtual().start(() -> echoAll(socket));
                } catch (IOException closed) {
                  return;
                }
              }
            });
    proxy = TcpProxy.toLoopbackPort(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void pipesBytesBothWays() throws IOException {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "hello")).isEqualTo("hello");
      assertThat(roundTrip(client, "again")).isEqualTo("again");
    }
    assertThat(proxy.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void cutResetsLiveConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
    try (Socket live = connect()) {
      assertThat(roundTrip(live, "before")).isEqualTo("before");

      proxy.cut();

      InputStream in = live.getInputStream();
      assertThatThrownBy(in::read)
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Connection reset");
      // The kernel may still complete a connect while the closed listener's accept unwinds.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThatThrownBy(this::connectAndClose).isInstanceOf(ConnectException.class));
      assertThat(proxy.connectionsReset()).isEqualTo(1);
    }

    proxy.restore();

    try (Socket again = connect()) {
      assertThat(roundTrip(again, "after")).isEqualTo("after");
    }
  }

  @Test
  void connectionsStillBeingSetUpWhenTheCutComesAreResetToo() throws IOException {
    for (int round = 0; round < 20; round++) {
      proxy.restore();
      List<Socket> clients = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        clients.add(connect()); // the proxy may not have piped them yet
      }

      proxy.cut();

      for (Socket client : clients) {
        try (client) {
          assertThat(fateAfterCut(client)).as("round %d", round).isEqualTo("reset");
        }
      }
      assertThat(proxy.liveConnections()).isZero();
    }
  }

  /** "echo" when the connection still works, "reset" when it was reset or closed, else "hung". */
  private static String fateAfterCut(Socket client) throws IOException {
    client.setSoTimeout(5_000);
    try {
      client.getOutputStream().write('x');
      return client.getInputStream().read() == 'x' ? "echo" : "reset";
    } catch (SocketTimeoutException e) {
      return "hung";
    } catch (SocketException e) {
      return "reset";
    }
  }

  private void connectAndClose() throws IOException {
    connect().close();
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.flush();
    byte[] back = socket.getInputStream().readNBytes(text.length());
    return new String(back, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static void echoAll(Socket socket) {
    try (socket) {
      socket.getInputStream().transferTo(socket.getOutputStream());
    } catch (IOException e) {
      // The client went away.
    }
  }
}
