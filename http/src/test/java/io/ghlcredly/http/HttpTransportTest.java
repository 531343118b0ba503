package io.ghlcredly.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ghlcredly.core.error.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private HttpServer server;
  private final AtomicReference<Reply> reply =
      new AtomicReference<>(new Reply(200, "{}", Map.of()));
  private final AtomicReference<Map<String, String>> seenHeaders = new AtomicReference<>(Map.of());
  private HttpTransport transport;

  record Reply(int status, String body, Map<String, String> headers) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seenHeaders.set(
              Map.of(
                  "authorization",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                  "version", String.valueOf(exchange.getRequestHeaders().getFirst("Version")),
                  "path", exchange.getRequestURI().toString()));
          Reply current = reply.get();
          current
              .headers()
              .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
          byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(current.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    transport =
        new HttpTransport(
            HttpTransport.defaultClient(Duration.ofSeconds(2)),
            new TransportSettings(
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/base/"),
                Duration.ofSeconds(2),
                Map.of("Version", "2021-07-28")),
            () -> "Bearer t0ken",
            body -> body.contains("message") ? Optional.of("provider message") : Optional.empty());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void sendsAuthAndDefaultHeadersUnderTheBaseUrl() {
    ApiResponse response = transport.send(ApiRequest.get("/contacts/abc?x=1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(seenHeaders.get())
        .containsEntry("authorization", "Bearer t0ken")
        .containsEntry("version", "2021-07-28")
        .containsEntry("path", "/base/contacts/abc?x=1");
  }

  @Test
  void mapsTooManyRequestsToTransientWithRetryAfter() {
    reply.set(new Reply(429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "7")));

    assertThatThrownBy(() -> transport.send(ApiRequest.get("/x")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.providerMessage()).contains("provider message");
            });
  }

  @Test
  void mapsClientErrorsToPermanentAndUnauthorized() {
    reply.set(new Reply(422, "{}", Map.of()));
    assertThatThrownBy(() -> transport.send(ApiRequest.post("/x", "{}")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT));

    reply.set(new Reply(401, "{}", Map.of()));
    assertThatThrownBy(() -> transport.send(ApiRequest.get("/x")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED));
  }

  @Test
  void replaysOnceWithRenewedCredentialsAfterUnauthorized() {
    java.util.concurrent.atomic.AtomicInteger renewals =
        new java.util.concurrent.atomic.AtomicInteger();
    HttpTransport renewing =
        new HttpTransport(
            HttpTransport.defaultClient(Duration.ofSeconds(2)),
            new TransportSettings(
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2),
                Map.of()),
            new Authenticator() {
              @Override
              public String authorization() {
                return renewals.get() == 0 ? "Bearer old" : "Bearer new";
              }

              @Override
              public boolean renewAfterUnauthorized(String rejected) {
                assertThat(rejected).isEqualTo("Bearer old");
                renewals.incrementAndGet();
                reply.set(new Reply(200, "{}", Map.of()));
                return true;
              }
            },
            body -> Optional.empty());
    reply.set(new Reply(401, "{}", Map.of()));

    assertThat(renewing.send(ApiRequest.get("/x")).status()).isEqualTo(200);
    assertThat(renewals).hasValue(1);
    assertThat(seenHeaders.get()).containsEntry("authorization", "Bearer new");
  }

  @Test
  void givesUpAfterOneReplayWhenStillUnauthorized() {
    reply.set(new Reply(401, "{}", Map.of()));
    java.util.concurrent.atomic.AtomicInteger renewals =
        new java.util.concurrent.atomic.AtomicInteger();
    HttpTransport renewing =
        new HttpTransport(
            HttpTransport.defaultClient(Duration.ofSeconds(2)),
            new TransportSettings(
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2),
                Map.of()),
            new Authenticator() {
              @Override
              public String authorization() {
                return "Bearer t";
              }

              @Override
              public boolean renewAfterUnauthorized(String rejected) {
                renewals.incrementAndGet();
                return true;
              }
            },
            body -> Optional.empty());

    assertThatThrownBy(() -> renewing.send(ApiRequest.get("/x")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED));
    assertThat(renewals).hasValue(1);
  }

  @Test
  void mapsConnectionFailureToTransientWithUnknownOutcome() {
    server.stop(0);

    assertThatThrownBy(() -> transport.send(ApiRequest.get("/x")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.status()).isZero();
              assertThat(e.outcomeUnknown()).isTrue();
            });
  }

  @Test
  void keepsQueryStringsOutOfErrorMessages() {
    reply.set(new Reply(500, "{}", Map.of()));

    assertThatThrownBy(
            () -> transport.send(ApiRequest.get("/badges?filter=recipient_email::a@b.c")))
        .hasMessageNotContaining("a@b.c")
        .hasMessageContaining("/badges");
  }

  @Test
  void tellsTheObserverEveryExchangeWithoutTheQueryAndZeroWhenNoResponse() {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpTransport observed =
        new HttpTransport(
            HttpTransport.defaultClient(Duration.ofSeconds(2)),
            new TransportSettings(
                "test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2),
                Map.of()),
            () -> "Bearer t0ken",
            body -> Optional.empty(),
            RequestGate.OPEN,
            (connector, method, path, status, elapsed) ->
                seen.add(connector + " " + method + " " + path + " " + status));
    reply.set(new Reply(201, "{}", Map.of()));
    observed.send(ApiRequest.post("/badges?email=a@example.com", "{}"));
    reply.set(new Reply(404, "{}", Map.of()));
    assertThatThrownBy(() -> observed.send(ApiRequest.get("/contacts/abc")))
        .isInstanceOf(ApiException.class);
    server.stop(0);
    assertThatThrownBy(() -> observed.send(ApiRequest.get("/x"))).isInstanceOf(ApiException.class);

    assertThat(seen)
        .containsExactly("test POST /badges 201", "test GET /contacts/abc 404", "test GET /x 0");
  }
}
