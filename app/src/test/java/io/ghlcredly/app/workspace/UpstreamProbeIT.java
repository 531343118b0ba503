package io.ghlcredly.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.Academy;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream probe against the emulators: a Credly token refused after start shows in {@code
 * /health/ready} and {@code /health} within one (shortened) probe interval, with what to do.
 */
class UpstreamProbeIT {
  private static final String INTERVAL_PROPERTY = "gcs.upstream-probe-interval-ms";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path folder;
  private @Nullable DemoEnvironment env;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void shortenTheInterval() {
    System.setProperty(INTERVAL_PROPERTY, "200");
  }

  @AfterEach
  void stopEverything() {
    System.clearProperty(INTERVAL_PROPERTY);
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aRefusedTokenMakesTheImplicitWorkspaceUnreadyWithWhatToDo() throws Exception {
    DemoEnvironment started = DemoEnvironment.start(folder, Duration.ofMillis(200));
    env = started;
    await()
        .atMost(WAIT)
        .until(() -> get(started, "/health").body().contains("\"name\":\"credly\""));
    assertThat(get(started, "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(started, "/health").body())
        .contains("\"name\":\"credly\",\"upstream\":\"Credly\",\"state\":\"OK\"")
        .contains("\"name\":\"ghl\",\"upstream\":\"GHL\",\"state\":\"OK\"");

    started.credly().firstOrganization().rotateOrganizationToken(Secret.of("rotated-in-credly"));

    await().atMost(WAIT).until(() -> get(started, "/health/ready").statusCode() == 503);
    assertThat(get(started, "/health/ready").body())
        .contains("\"failing\":[\"credlyToken\"]")
        .containsPattern(
            "Credly refused the token \\(401\\) at \\d\\d:\\d\\d UTC: create a new token in Credly"
                + " and set credly.auth.token");
    assertThat(get(started, "/health").body()).contains("\"state\":\"REFUSED\"");
  }

  @Test
  void anUpstreamThatDoesNotAnswerIsAdvisoryAndClearsOnceItAnswers() throws Exception {
    DemoEnvironment started = DemoEnvironment.start(folder, Duration.ofMillis(200));
    env = started;
    await()
        .atMost(WAIT)
        .until(() -> get(started, "/health").body().contains("\"name\":\"credly\""));

    started
        .credly()
        .inject(Fault.status("GET", "/organizations/", 10_000, EmulatorResponse.json(503, "{}")));

    await()
        .atMost(WAIT)
        .until(() -> get(started, "/health/ready").body().contains("\"failing\":[\"upstreams\"]"));
    HttpResponse<String> degraded = get(started, "/health/ready");
    assertThat(degraded.statusCode()).isEqualTo(200);
    assertThat(degraded.body())
        .contains("\"status\":\"degraded\"")
        .contains("Credly could not be reached at")
        .contains("its work waits and is retried");

    started.credly().clearFaults();

    await()
        .atMost(WAIT)
        .until(() -> get(started, "/health/ready").body().contains("\"failing\":[]"));
  }

  @Test
  void aRefusedTokenFailsOnlyItsWorkspaceAndLeavesTheServiceReady() throws Exception {
    DemoEnvironment started = DemoEnvironment.startAcademies(folder, Duration.ofMillis(200));
    env = started;
    Academy north = started.academies().get(0);
    await()
        .atMost(WAIT)
        .until(() -> get(started, "/health").body().contains("\"name\":\"credly:north\""));

    north.organization().rotateOrganizationToken(Secret.of("rotated-in-credly"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                get(started, "/health/ready").body().contains("\"failing\":[\"workspace:north\"]"));
    HttpResponse<String> ready = get(started, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"status\":\"degraded\"")
        .contains("\"failing\":[\"workspace:north\"]")
        .contains("create a new token in Credly and set workspaces[0].credly.auth.token");
    assertThat(get(started, "/health").body())
        .contains("\"name\":\"credly:north\",\"upstream\":\"Credly\",\"state\":\"REFUSED\"");
  }

  private HttpResponse<String> get(DemoEnvironment started, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + started.engine().port() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
