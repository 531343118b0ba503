package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlyCredentials;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyWebhookDelivery;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.Fault;
import io.ghlcredly.web.WebServer;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credly's webhooks, from the emulator through the route into the inbox and the job queue. */
class CredlyWebhookRouteIT {
  private CredlyEmulator emulator;
  private Database database;
  private JdbcEventInbox inbox;
  private final Set<ContactId> queued = ConcurrentHashMap.newKeySet();
  private CredlyWebhookRoute route;
  private WebServer web;
  private CredlyClient client;
  private BadgeTemplate template;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    emulator.webhookRetries(Duration.ofMillis(50), 4);
    database =
        Database.open(
            DatabaseSettings.of(
                "jdbc:h2:mem:credly-route-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    inbox = new JdbcEventInbox(database);
    client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));
    EventIntake intake =
        new EventIntake(inbox, queued::add, new SyncCounters(), InstantSource.system());
    route =
        new CredlyWebhookRoute(
            new CredlyWebhookReceiver(client, emulator.organizationId(), InstantSource.system()),
            intake);
    web = TestWebServers.start(Map.of("POST /webhooks/credly", route), 1024 * 1024);
    template = emulator.seedTemplate("Course Graduate");
  }

  @AfterEach
  void stop() {
    web.close();
    emulator.close();
    database.close();
  }

  private String issue(String contactId) {
    return issue(client, contactId);
  }

  private static WebhookRequest post(String body) {
    return new WebhookRequest(
        "POST",
        "/webhooks/credly",
        Map.of(),
        new WebhookRequest.Body.Complete(
            new WebhookRequest.RawBytes(body.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void storesBadgeEventsFromCredlyWebhooksAndQueuesTheContact() {
    emulator.sendWebhooksTo(URI.create("http://127.0.0.1:" + web.port() + "/webhooks/credly"));

    String badgeId = issue("ghl-ada");
    emulator.acceptBadge(badgeId);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> inbox.listPending(new ContactId("ghl-ada")).size() == 2);
    List<ReceivedEvent> pending = inbox.listPending(new ContactId("ghl-ada"));
    assertThat(pending).extracting(ReceivedEvent::source).containsOnly("credly");
    assertThat(pending)
        .extracting(received -> ((SyncEvent.BadgeChanged) received.event()).state().wireName())
        .containsExactly("pending", "accepted");
    assertThat(queued).containsExactly(new ContactId("ghl-ada"));
    assertThat(emulator.webhookDeliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
  }

  @Test
  void aRedeliveredEventIsAnswered200AndStoredOnce() {
    issue("ghl-ada");
    String hint =
        "{\"id\":\"%s\",\"organization_id\":\"%s\",\"event_type\":\"badge.created\"}"
            .formatted(emulator.events().getLast().id(), emulator.organizationId());

    WebhookResponse first = route.handle(post(hint));
    WebhookResponse again = route.handle(post(hint));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.jsonBody()).contains("accepted");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.jsonBody()).contains("duplicate");
    assertThat(inbox.countAccepted()).isEqualTo(1);
  }

  @Test
  void credlyRetriesUntilTheEventCanBeFetched() {
    emulator.inject(
        io.ghlcredly.testkit.server.Fault.status(
            "GET",
            "/organizations/" + emulator.organizationId() + "/events/",
            2,
            io.ghlcredly.testkit.server.EmulatorResponse.json(500, "{}")));
    emulator.sendWebhooksTo(URI.create("http://127.0.0.1:" + web.port() + "/webhooks/credly"));

    issue("ghl-ada");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> inbox.listPending(new ContactId("ghl-ada")).size() == 1);
    // The emulator records the 200 once the answer reached it, just after the event was stored.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(emulator.webhookDeliveries())
                    .extracting(CredlyWebhookDelivery::status)
                    .containsExactly(503, 503, 200));
  }

  @Test
  void answersIgnoredEventsWith200AndMalformedOnesWith400() {
    WebhookResponse forged = route.handle(post(hint(UUID.randomUUID().toString())));
    WebhookResponse malformed = route.handle(post("[1,2]"));

    assertThat(forged.status()).isEqualTo(200);
    assertThat(forged.jsonBody()).contains("ignored");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(inbox.countAccepted()).isZero();
  }

  /** A hint naming {@code jsonId}, which is written into the JSON as it is (escape it). */
  private String hint(String jsonId) {
    return "{\"id\":\"%s\",\"organization_id\":\"%s\",\"event_type\":\"badge.created\"}"
        .formatted(jsonId, emulator.organizationId());
  }

  private List<EmulatorRequest> eventFetches() {
    return emulator.requests().stream()
        .filter(request -> request.path().contains("/events"))
        .toList();
  }

  @Test
  void refusesIdsThatAreNoCredlyIdsWithoutCallingCredly() {
    for (String id :
        List.of(
            "..",
            "../..",
            "%2e%2e",
            "nope",
            "e2bcb651-563c-4ad9-a3f2-0c36ff61c1f1/../..",
            "e2bcb651-563c-4ad9-a3f2-0c36ff61c1f1\\nFAKE ERROR",
            "e2bcb651563c4ad9a3f20c36ff61c1f1")) {
      WebhookResponse answer = route.handle(post(hint(id)));

      assertThat(answer.status()).as(id).isEqualTo(400);
      assertThat(answer.jsonBody())
          .as(id)
          .contains("not a Credly id")
          .doesNotContain("..")
          .doesNotContain("nope")
          .doesNotContain("FAKE");
    }
    assertThat(emulator.requests()).isEmpty();
    assertThat(inbox.countAccepted()).isZero();
  }

  @Test
  void anUnknownIdCostsOneCredlyCallHoweverOftenItIsSent() {
    String unknown = hint(UUID.randomUUID().toString());

    for (int i = 0; i < 5; i++) {
      WebhookResponse answer = route.handle(post(unknown));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.jsonBody()).contains("ignored");
    }
    // Case does not make it another id.
    route.handle(post(unknown.toUpperCase(java.util.Locale.ROOT)));

    assertThat(eventFetches()).hasSize(1);
  }

  @Test
  void aFloodOfHintsNeitherQueuesNorDelaysBadgeIssuance() throws Exception {
    // Two slots in all, so that before the hint lane two slow hints took every one issuance had.
    CredlyClient small =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                new CredlyCredentials.OrganizationToken(emulator.authToken()),
                Duration.ofSeconds(20),
                2));
    CredlyWebhookRoute floodable =
        new CredlyWebhookRoute(
            new CredlyWebhookReceiver(small, emulator.organizationId(), InstantSource.system()),
            new EventIntake(inbox, queued::add, new SyncCounters(), InstantSource.system()));
    emulator.latency(Duration.ofMillis(100));
    issue(small, "ghl-warm-up");
    Duration quiet = timed(() -> issue(small, "ghl-quiet"));
    Duration hintFetch = Duration.ofSeconds(4);
    emulator.inject(
        Fault.slow(
            "GET",
            "/organizations/" + emulator.organizationId() + "/events/",
            Fault.ALWAYS,
            hintFetch));

    List<Future<WebhookResponse>> flood = new ArrayList<>();
    Duration duringFlood;
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 31; i++) {
        String forged = hint(UUID.randomUUID().toString());
        flood.add(senders.submit(() -> floodable.handle(post(forged))));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> small.hintLane().inflight() == 2);
      // The hints in flight hold none of the slots that issuance uses.
      assertThat(small.concurrency().inflight()).isZero();
      duringFlood = timed(() -> issue(small, "ghl-during-flood"));
      assertThat(small.hintLane().inflight()).isEqualTo(2);
    }

    List<WebhookResponse> answers = new ArrayList<>();
    for (Future<WebhookResponse> answer : flood) {
      answers.add(answer.get());
    }
    System.out.printf(
        "issue quiet %d ms, during a flood of 31 hints %d ms%n",
        quiet.toMillis(), duringFlood.toMillis());
    assertThat(duringFlood).isLessThan(quiet.multipliedBy(3).plusMillis(500)).isLessThan(hintFetch);
    assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(2);
    assertThat(answers)
        .filteredOn(answer -> answer.status() == 503)
        .hasSize(29)
        .allSatisfy(answer -> assertThat(answer.headers()).containsKey("Retry-After"));
    assertThat(eventFetches()).hasSize(2);
  }

  private String issue(CredlyClient through, String contactId) {
    return through
        .issueBadge(
            IssueBadgeRequest.of(
                contactId + "@example.com",
                "Ada",
                "Lovelace",
                template.id(),
                OffsetDateTime.parse("2026-03-01T09:00:00Z"),
                contactId))
        .id();
  }

  private static Duration timed(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
