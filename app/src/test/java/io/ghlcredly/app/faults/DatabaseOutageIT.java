package io.ghlcredly.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.app.Application;
import io.ghlcredly.app.config.ConfigLoader;
import io.ghlcredly.app.demo.DemoEnvironment;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.ghl.GhlEmulatorSettings;
import io.ghlcredly.testkit.ghl.WebhookDelivery;
import io.ghlcredly.testkit.net.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database connection drops in the middle of work (a proxy between the service and PostgreSQL
 * resets every connection and refuses new ones) for {@code faults.outage-seconds}. Meanwhile the
 * service says it is not ready and answers webhooks 429, which GHL retries; afterwards it is ready
 * again, and every tagged contact holds exactly one badge: nothing lost, nothing duplicated.
 */
class DatabaseOutageIT {
  private static final String TAG = "course-101-complete";
  private static final int PER_PHASE = 30;
  private static final Duration CONVERGE = Duration.ofMinutes(2);

  @TempDir Path folder;
  // GHL resends a webhook answered 429 six times, ten minutes apart; here 5 s apart, so that the
  // retries outlast the outage (as GHL's hour does) without making the test wait for minutes.
  private final GhlEmulator ghl =
      GhlEmulator.start(
          GhlEmulatorSettings.defaults()
              .withWebhookRetries(
                  Duration.ofSeconds(Math.max(5, FaultSizes.outage().toSeconds() / 4)), 6));
  private final CredlyEmulator credly = CredlyEmulator.start();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService probes =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
  private TcpProxy proxy;
  private Application service;

  @AfterEach
  void stopEverything() {
    probes.shutdownNow();
    if (service != null) {
      service.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    http.close();
    ghl.close();
    credly.close();
  }

  @Test
  void reportsNotReadyAnswers429AndRecoversWithoutLossOrDuplicate() throws Exception {
    String schemaUrl = PostgresUrls.freshSchema();
    SchemaQueries schema = new SchemaQueries(schemaUrl);
    proxy = TcpProxy.start(PostgresUrls.server(schemaUrl));
    BadgeTemplate template = credly.seedTemplate("Course 101 Complete");
    credly.latency(Duration.ofMillis(50)); // keeps jobs in flight when the connection drops
    startService(PostgresUrls.through(schemaUrl, proxy.port()), template);
    List<String> contacts = ghl.seedContacts(3 * PER_PHASE);
    Set<String> tagged = new HashSet<>(contacts);
    assertThat(ready()).isEqualTo(200);

    tag(contacts.subList(0, PER_PHASE));
    proxy.cut();
    Instant cut = Instant.now();
    ReadyProbe probe = new ReadyProbe();
    ScheduledFuture<?> probing =
        probes.scheduleWithFixedDelay(probe, 0, 500, TimeUnit.MILLISECONDS);
    tag(contacts.subList(PER_PHASE, 2 * PER_PHASE));
    await()
        .atMost(FaultSizes.outage())
        .untilAsserted(
            () -> assertThat(probe.counts()).as("/health/ready answers").containsKey(503));
    await()
        .pollDelay(remaining(cut, FaultSizes.outage()))
        .atMost(FaultSizes.outage().plusSeconds(5))
        .until(() -> true);
    long refusedDuringOutage = deliveries(429);
    probing.cancel(false);
    probes.shutdown();
    assertThat(probes.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
    proxy.restore();
    Instant restored = Instant.now();
    // Asserted, not polled: a timeout then shows the last answer, which names the failing check.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(readyAnswer()).startsWith("200 "));
    Duration readyAgain = Duration.between(restored, Instant.now());
    tag(contacts.subList(2 * PER_PHASE, 3 * PER_PHASE));

    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Tally.badges(credly, template.id(), tagged).held() >= tagged.size()
                    && everyAcceptedWebhookProcessed(schema)
                    && schema.eventsPending() == 0
                    && service.queuedJobs() == 0);
    Duration converged = Duration.between(restored, Instant.now());
    Tally badges = Tally.badges(credly, template.id(), tagged);
    long deadLetters = service.stores().deadLetters().count();
    long accepted = tagDeliveries().stream().filter(WebhookDelivery::succeeded).count();
    long unanswered = deliveries(0);

    new FaultReport("database", "Database connection dropped (PostgreSQL through a TCP proxy)")
        .figure("webhooks (tag changes)", contacts.size())
        .figure("outage", FaultSizes.outage().toSeconds() + " s")
        .figure("connections reset by the cut", proxy.connectionsReset())
        .figure("webhook answers 429 during the outage (GHL retries them)", refusedDuringOutage)
        .figure("webhooks unanswered (lost to GHL)", unanswered)
        .figure("webhooks finally accepted (2xx)", accepted)
        .figure("/health/ready answers while cut", new TreeMap<>(probe.counts()))
        .figure("ready again after restore", readyAgain.toMillis() + " ms")
        .figure("badges expected / held", badges.expected() + " / " + badges.held())
        .figure("losses", badges.losses() + (contacts.size() - accepted))
        .figure("duplicates", badges.duplicates())
        .figure("dead letters", deadLetters)
        .figure("time to converge after restore", converged.toMillis() + " ms")
        .notes(
            """
            In-process service on PostgreSQL reached through `TcpProxy`; 4 job workers; GHL
            retries a webhook answered 429 every %d s (six times). %d contacts are tagged before
            the cut (their jobs are running when it comes), %d during it and %d after.
            """
                .formatted(
                    Math.max(5, FaultSizes.outage().toSeconds() / 4),
                    PER_PHASE,
                    PER_PHASE,
                    PER_PHASE))
        .publish();
    assertThat(refusedDuringOutage).isPositive();
    assertThat(probe.counts()).containsKey(503).doesNotContainKey(200);
    assertThat(unanswered).isZero();
    assertThat(accepted).isEqualTo(contacts.size());
    assertThat(badges.exact()).as("badges %s", badges).isTrue();
    assertThat(deadLetters).isZero();
  }

  private void startService(String storageUrl, BadgeTemplate template) {
    ServiceYaml yaml =
        new ServiceYaml(ghl, credly, storageUrl)
            .retries(20, Duration.ofMillis(500), Duration.ofSeconds(5))
            .rules(
                """
                - id: course-101
                  when: { tag-added: %s }
                  do:
                    - issue-badge: { template: %s, evidence: "Completed Course 101" }
                """
                    .formatted(TAG, template.id()));
    service =
        Application.start(
            ConfigLoader.load(yaml.writeTo(folder), yaml.env()),
            DemoEnvironment.briskJobs(4, Duration.ofSeconds(2)),
            InstantSource.system());
    ghl.sendWebhooksTo(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/ghl"));
  }

  /** Tags the contacts in parallel, as a busy account's webhooks arrive. */
  private void tag(List<String> contacts) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (String contact : contacts) {
      threads.add(Thread.ofVirtual().start(() -> ghl.addTags(contact, TAG)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private List<WebhookDelivery> tagDeliveries() {
    return ghl.deliveries().stream()
        .filter(delivery -> delivery.type().equals("ContactTagUpdate"))
        .toList();
  }

  private long deliveries(int status) {
    return tagDeliveries().stream().filter(delivery -> delivery.status() == status).count();
  }

  /** Every webhook answered 2xx is in the inbox and applied (read around the proxy). */
  private boolean everyAcceptedWebhookProcessed(SchemaQueries schema) {
    Set<String> processed = schema.processedGhlEventIds();
    return tagDeliveries().stream()
        .filter(WebhookDelivery::succeeded)
        .map(WebhookDelivery::webhookId)
        .allMatch(processed::contains);
  }

  private int ready() throws IOException, InterruptedException {
    return readyRequest(HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The status and body of /health/ready, such as {@code 503 {"status":"not-ready",…}}. */
  private String readyAnswer() throws IOException, InterruptedException {
    HttpResponse<String> answer = readyRequest(HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() + " " + answer.body();
  }

  private <T> HttpResponse<T> readyRequest(HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        body);
  }

  private static Duration remaining(Instant since, Duration window) {
    Duration left = window.minus(Duration.between(since, Instant.now()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Asks /health/ready once per run while the database is cut, counting each status. */
  private final class ReadyProbe implements Runnable {
    private final ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public void run() {
      int status;
      try {
        status = ready();
      } catch (IOException e) {
        status = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      counts.merge(status, 1, Integer::sum);
    }

    Map<Integer, Integer> counts() {
      return Map.copyOf(counts);
    }
  }
}
