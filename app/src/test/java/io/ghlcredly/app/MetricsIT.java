package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.app.metrics.Scrape;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator probes of the running service on embedded H2 against both emulators: one tag added
 * in GHL shows in /metrics as an event, a job, the upstream calls and a latency sample; readiness
 * follows the database.
 */
class MetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  private DemoEnvironment env;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startEverything() {
    env = DemoEnvironment.start(folder, Duration.ofMillis(200));
  }

  @AfterEach
  void stopEverything() {
    env.close();
  }

  @Test
  void countsTheEventJobUpstreamCallsAndLatencyOfOneBadge() throws Exception {
    String templateId = env.template().id();
    String ada = env.ghl().seedContact("Ada", "Lovelace", "ada@example.com");

    env.ghl().addTags(ada, DemoEnvironment.TAG);

    await().atMost(WAIT).until(() -> env.credly().countBadges(templateId, ada) == 1);
    await().atMost(WAIT).until(() -> env.engine().queuedJobs() == 0);
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    Scrape scrape = new Scrape(response.body());
    assertThat(
            scrape.value(
                "ghlcredly_events_received_total",
                "source",
                "ghl",
                "type",
                "contact.tags-updated",
                "duplicate",
                "false"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "applied")).hasValue(1.0);
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "retried")).hasValue(0.0);
    assertThat(scrape.value("ghlcredly_jobs_total", "outcome", "dead_lettered")).hasValue(0.0);
    assertThat(
            scrape.value(
                "ghlcredly_upstream_calls_seconds_count",
                "connector",
                "ghl",
                "method",
                "GET",
                "endpoint",
                "/contacts/{id}",
                "status",
                "200"))
        .hasValue(1.0);
    assertThat(
            scrape.value(
                "ghlcredly_upstream_calls_seconds_count",
                "connector",
                "credly",
                "method",
                "POST",
                "endpoint",
                "/organizations/{id}/badges",
                "status",
                "201"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_count", "source", "ghl"))
        .hasValue(1.0);
    assertThat(scrape.value("ghlcredly_event_latency_seconds_bucket", "le", "+Inf")).hasValue(1.0);
    assertThat(scrape.value("ghlcredly_queue_jobs")).hasValue(0.0);
    assertThat(scrape.value("ghlcredly_inbox_pending_events")).hasValue(0.0);
    assertThat(scrape.value("ghlcredly_inbox_oldest_pending_age_seconds")).hasValue(0.0);
    assertThat(response.body()).doesNotContain(ada);
  }

  @Test
  void isLiveAlwaysAndReadyOnlyWhileTheDatabaseAnswers() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"failing\":[]").contains("\"database\":\"ok\"");

    // Another session takes the database for itself: every other session's statements wait.
    try (Connection exclusive = DriverManager.getConnection(h2Url());
        Statement statement = exclusive.createStatement()) {
      statement.execute("SET EXCLUSIVE 1");

      HttpResponse<String> unready = get("/health/ready");

      assertThat(unready.statusCode()).isEqualTo(503);
      assertThat(unready.body())
          .contains("\"status\":\"not-ready\"")
          .contains("\"failing\":[\"database\"")
          .contains("\"credlyToken\":\"ok\"");
      assertThat(get("/health/live").statusCode()).isEqualTo(200);
      statement.execute("SET EXCLUSIVE 0");
    }

    await().atMost(WAIT).until(() -> get("/health/ready").statusCode() == 200);
  }

  /** The service's own URL (its file system prefix and settings): the same open database. */
  private String h2Url() {
    return "jdbc:h2:file:retry:"
        + folder.resolve("ghl-credly").toAbsolutePath()
        + ";WRITE_DELAY=0;RETENTION_TIME=4000;DB_CLOSE_ON_EXIT=FALSE";
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.engine().port() + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
