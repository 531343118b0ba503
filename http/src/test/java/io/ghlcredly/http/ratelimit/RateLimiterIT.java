package io.ghlcredly.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.http.ApiRequest;
import io.ghlcredly.http.HttpTransport;
import io.ghlcredly.http.RatePriority;
import io.ghlcredly.http.TransportSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limiter as the transport's gate, against a JDK server sending HighLevel's headers. */
class RateLimiterIT {
  private static final String LOCATION = "loc-it";

  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final AtomicReference<Map<String, String>> rateHeaders = new AtomicReference<>(Map.of());
  private HttpServer server;
  private RateLimiter limiter;
  private HttpTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          rateHeaders
              .get()
              .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    limiter =
        new RateLimiter(
            new RateLimiterSettings(RateLimits.GHL, 0.8, Duration.ofSeconds(1)),
            InstantSource.system());
    transport =
        new HttpTransport(
            HttpTransport.defaultClient(Duration.ofSeconds(2)),
            new TransportSettings(
                "ghl",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2),
                Map.of()),
            () -> "Bearer t0ken",
            body -> Optional.empty(),
            limiter);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void responseHeadersSetTheLocationsLimitsAndRemainingBudget() {
    rateHeaders.set(
        Map.of(
            "X-RateLimit-Max", "25",
            "X-RateLimit-Interval-Milliseconds", "10000",
            "X-RateLimit-Remaining", "3",
            "X-RateLimit-Limit-Daily", "10000",
            "X-RateLimit-Daily-Remaining", "42"));

    transport.send(ApiRequest.get("/contacts/c1").withRateKey(LOCATION));

    RateBudget budget = limiter.snapshot(LOCATION);
    assertThat(budget.limits()).isEqualTo(RateLimits.GHL_SANDBOX);
    assertThat(budget.burstRemaining()).isEqualTo(3);
    assertThat(budget.dailyRemaining()).isEqualTo(42);
  }

  @Test
  void afterA429TheLocationsNextRequestIsNotSent() {
    status.set(429);
    rateHeaders.set(
        Map.of("X-RateLimit-Interval-Milliseconds", "60000", "X-RateLimit-Remaining", "0"));
    ApiRequest request =
        ApiRequest.get("/contacts/c1").withRateKey(LOCATION).withPriority(RatePriority.BULK);
    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT));
    assertThat(hits).hasValue(1);

    status.set(200);
    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.retryAfter().orElseThrow())
                  .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
            });
    assertThat(hits).as("refused locally, never sent").hasValue(1);

    transport.send(ApiRequest.get("/contacts/c1").withRateKey("another-location"));
    transport.send(ApiRequest.get("/contacts/c1"));
    assertThat(hits).hasValue(3);
  }
}
