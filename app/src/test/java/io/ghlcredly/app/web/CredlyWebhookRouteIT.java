package io.ghlcredly.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.ReceivedEvent;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.core.sync.EventIntake;
import io.ghlcredly.core.sync.SyncCounters;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.webhook.CredlyWebhookReceiver;
import io.ghlcredly.storage.Database;
import io.ghlcredly.storage.DatabaseSettings;
import io.ghlcredly.storage.JdbcEventInbox;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyWebhookDelivery;
import io.ghlcredly.web.WebServer;
import io.ghlcredly.web.WebhookRequest;
import io.ghlcredly.web.WebhookResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    return client
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
    WebhookResponse forged =
        route.handle(
            post(
                "{\"id\":\"nope\",\"organization_id\":\"%s\"}"
                    .formatted(emulator.organizationId())));
    WebhookResponse malformed = route.handle(post("[1,2]"));

    assertThat(forged.status()).isEqualTo(200);
    assertThat(forged.jsonBody()).contains("ignored");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(inbox.countAccepted()).isZero();
  }
}
