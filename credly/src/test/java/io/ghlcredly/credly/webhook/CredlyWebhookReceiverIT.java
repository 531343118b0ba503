package io.ghlcredly.credly.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ghlcredly.core.model.BadgeState;
import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.credly.CredlyClient;
import io.ghlcredly.credly.CredlySettings;
import io.ghlcredly.testkit.credly.Badge;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.credly.CredlyEvent;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredlyWebhookReceiverIT {
  private CredlyEmulator emulator;
  private CredlyWebhookReceiver receiver;
  private BadgeTemplate template;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    CredlyClient client =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                emulator.authToken(),
                Duration.ofSeconds(5)));
    receiver = new CredlyWebhookReceiver(client, emulator.organizationId(), InstantSource.system());
    template = emulator.seedTemplate("Course Graduate");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Badge issue(String earnerId) {
    return Objects.requireNonNull(
        emulator.badges().stream()
            .filter(badge -> Objects.equals(badge.issuerEarnerId(), earnerId))
            .findFirst()
            .orElseGet(
                () -> {
                  new io.ghlcredly.credly.CredlyBadgeGateway(
                          CredlyClient.create(
                              new CredlySettings(
                                  emulator.baseUrl(),
                                  emulator.organizationId(),
                                  emulator.authToken(),
                                  Duration.ofSeconds(5))))
                      .issue(
                          new io.ghlcredly.core.model.IssueBadgeCommand(
                              new io.ghlcredly.core.model.RuleId("r"),
                              new io.ghlcredly.core.model.BadgeTemplateId(template.id()),
                              new ContactId(earnerId),
                              earnerId + "@example.com",
                              "Ada",
                              "Lovelace",
                              java.time.Instant.parse("2026-03-01T09:00:00Z"),
                              null));
                  return emulator.badges().getLast();
                }));
  }

  private static byte[] hint(String eventId, String organizationId, String type) {
    return ("{\"id\":\"%s\",\"organization_id\":\"%s\",\"event_type\":\"%s\","
            + "\"occurred_at\":\"2026-03-01T09:00:00Z\"}")
        .formatted(eventId, organizationId, type)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fetchesTheAnnouncedEventAndTurnsItIntoABadgeEvent() {
    Badge badge = issue("ghl-ada");
    emulator.acceptBadge(badge.id());
    CredlyEvent accepted = emulator.events().getLast();

    CredlyWebhookReceiver.Verdict verdict =
        receiver.receive(hint(accepted.id(), emulator.organizationId(), "badge.state.changed"));

    assertThat(verdict)
        .isInstanceOfSatisfying(
            CredlyWebhookReceiver.Verdict.Accepted.class,
            acceptedVerdict -> {
              SyncEvent.BadgeChanged event = (SyncEvent.BadgeChanged) acceptedVerdict.event();
              assertThat(event.eventId().value()).isEqualTo(accepted.id());
              assertThat(event.contactId()).isEqualTo(new ContactId("ghl-ada"));
              assertThat(event.badgeId()).isEqualTo(badge.id());
              assertThat(event.templateId().value()).isEqualTo(template.id());
              assertThat(event.state()).isEqualTo(BadgeState.ACCEPTED);
              assertThat(event.change()).isEqualTo(SyncEvent.BadgeChanged.Change.STATE_CHANGED);
              assertThat(event.occurredAt())
                  .isEqualTo(
                      accepted.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            });
    assertThat(emulator.requests().getLast().path()).endsWith("/events/" + accepted.id());
  }

  @Test
  void trustsTheApiNotTheHint() {
    Badge badge = issue("ghl-ada");
    emulator.deleteBadge(badge.id());
    CredlyEvent deleted = emulator.events().getLast();

    CredlyWebhookReceiver.Verdict verdict =
        receiver.receive(hint(deleted.id(), emulator.organizationId(), "badge.created"));

    assertThat(verdict)
        .isInstanceOfSatisfying(
            CredlyWebhookReceiver.Verdict.Accepted.class,
            accepted ->
                assertThat(((SyncEvent.BadgeChanged) accepted.event()).resultingState())
                    .isEqualTo(BadgeState.DELETED));
  }

  @Test
  void ignoresAnEventCredlyDoesNotKnow() {
    String forged = UUID.randomUUID().toString();

    assertThat(receiver.receive(hint(forged, emulator.organizationId(), "badge.created")))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Ignored.class);
    assertThat(receiver.receive(hint(forged, emulator.organizationId(), "badge.created")))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Ignored.class);
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void refusesAnIdThatIsNoUuidWithoutCallingCredly() {
    assertThat(receiver.receive(hint("..", emulator.organizationId(), "badge.created")))
        .isInstanceOfSatisfying(
            CredlyWebhookReceiver.Verdict.Malformed.class,
            malformed -> assertThat(malformed.reason()).doesNotContain(".."));
    assertThat(receiver.receive(hint("forged-id", emulator.organizationId(), "badge.created")))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Malformed.class);
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void asksForARedeliveryWhenTheHintLaneIsFull() throws Exception {
    CredlyClient oneSlot =
        CredlyClient.create(
            new CredlySettings(
                emulator.baseUrl(),
                emulator.organizationId(),
                new io.ghlcredly.credly.CredlyCredentials.OrganizationToken(emulator.authToken()),
                Duration.ofSeconds(10),
                1));
    CredlyWebhookReceiver narrow =
        new CredlyWebhookReceiver(oneSlot, emulator.organizationId(), InstantSource.system());
    emulator.inject(Fault.slow("GET", "/organizations/", 1, Duration.ofSeconds(2)));
    try (ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<CredlyWebhookReceiver.Verdict> slow =
          sender.submit(
              () ->
                  narrow.receive(
                      hint(
                          UUID.randomUUID().toString(),
                          emulator.organizationId(),
                          "badge.created")));
      await().atMost(Duration.ofSeconds(5)).until(() -> oneSlot.hintLane().inflight() == 1);

      assertThat(
              narrow.receive(
                  hint(UUID.randomUUID().toString(), emulator.organizationId(), "badge.created")))
          .isInstanceOf(CredlyWebhookReceiver.Verdict.Unavailable.class);
      assertThat(slow.get(10, TimeUnit.SECONDS))
          .isInstanceOf(CredlyWebhookReceiver.Verdict.Ignored.class);
    }
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void ignoresAnotherOrganizationWithoutCallingCredly() {
    assertThat(
            receiver.receive(
                hint(
                    UUID.randomUUID().toString(),
                    "00000000-0000-0000-0000-000000000000",
                    "badge.created")))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Ignored.class);
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void ignoresTemplateEventsAndBadgesWithoutEarnerId() {
    emulator.archiveTemplate(template.id());
    CredlyEvent templateChanged = emulator.events().getLast();

    assertThat(
            receiver.receive(
                hint(templateChanged.id(), emulator.organizationId(), "badge_template.changed")))
        .isInstanceOfSatisfying(
            CredlyWebhookReceiver.Verdict.Ignored.class,
            ignored -> assertThat(ignored.reason()).contains("badge_template.changed"));
  }

  @Test
  void refusesABodyThatIsNoWebhook() {
    assertThat(receiver.receive("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Malformed.class);
    assertThat(receiver.receive("{\"event_type\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Malformed.class);
  }

  @Test
  void isUnavailableWhenCredlyCannotAnswerSoCredlyRetries() {
    Badge badge = issue("ghl-ada");
    CredlyEvent created = emulator.events().getLast();
    emulator.inject(Fault.status("GET", "/organizations/", 1, EmulatorResponse.json(503, "{}")));

    assertThat(receiver.receive(hint(created.id(), emulator.organizationId(), "badge.created")))
        .isInstanceOf(CredlyWebhookReceiver.Verdict.Unavailable.class);
    assertThat(badge.id()).isNotBlank();
  }
}
