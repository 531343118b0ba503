package io.ghlcredly.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of injected fault as a client sees it on the wire. */
class EmulatorServerFaultsIT {
  private static final String BODY = "{\"widget\":{\"id\":\"w-1\",\"name\":\"Widget\"}}";

  private final AtomicInteger handled = new AtomicInteger();
  private final EmulatorServer server = new EmulatorServer(0, "/v1", true);
  private final HttpClient client = HttpClient.newHttpClient();

  EmulatorServerFaultsIT() {
    server.route(
        "GET",
        "/widgets/{id}",
        request -> {
          handled.incrementAndGet();
          return EmulatorResponse.json(200, BODY);
        });
    server.start();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void resetsTheConnectionWithATcpResetAfterHandlingTheRequest() throws Exception {
    server.inject(Fault.reset("GET", "/widgets/", 1));

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.baseUrl().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /v1/widgets/w-1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();

      assertThatThrownBy(in::read)
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Connection reset");
    }
    assertThat(handled).hasValue(1);
    assertThat(server.faultsInjected()).containsEntry("reset", 1L);
    assertThat(get("/widgets/w-1").body()).isEqualTo(BODY);
  }

  @Test
  void truncatesTheBodyOfARealAnswer() throws Exception {
    server.inject(Fault.truncatedJson("GET", "/widgets/", 1));

    HttpResponse<String> answer = get("/widgets/w-1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(BODY.substring(0, BODY.length() / 2));
    assertThat(handled).hasValue(1);
  }

  @Test
  void answersOkWithABodyThatIsNotJson() throws Exception {
    server.inject(Fault.invalidJson("GET", "/widgets/", 1));

    HttpResponse<String> answer = get("/widgets/w-1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).startsWith("<html>");
    assertThat(handled).hasValue(1);
  }

  @Test
  void rateLimitsWithRetryAfterForTheGivenNumberOfRequests() throws Exception {
    server.inject(Fault.rateLimited("GET", "/widgets/", 2, Duration.ofMillis(1500)));

    HttpResponse<String> first = get("/widgets/w-1");
    HttpResponse<String> second = get("/widgets/w-1");
    HttpResponse<String> third = get("/widgets/w-1");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(server.faultsInjected()).containsEntry("HTTP 429", 2L);
  }

  @Test
  void appliesAFaultWithAProbabilityToAboutThatShareOfRequests() throws Exception {
    server.inject(
        Fault.status("*", "", Fault.ALWAYS, EmulatorResponse.json(503, "{}")).withProbability(0.3));

    int failed = 0;
    for (int i = 0; i < 400; i++) {
      if (get("/widgets/w-" + i).statusCode() == 503) {
        failed++;
      }
    }

    // 400 draws at 30%: mean 120, standard deviation about 9; these bounds are 6 deviations wide.
    assertThat(failed).isBetween(65, 175);
    assertThat(server.faultsInjected()).containsEntry("HTTP 503", (long) failed);
    server.clearFaults();
    assertThat(get("/widgets/w-1").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAResetOnAServerWithoutConnectionFaults() {
    try (EmulatorServer plain = new EmulatorServer(0, "")) {
      assertThatThrownBy(() -> plain.inject(Fault.reset("*", "", 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("connection faults");
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
