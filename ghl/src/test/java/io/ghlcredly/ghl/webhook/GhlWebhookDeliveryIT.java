package io.ghlcredly.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ghlcredly.core.model.ContactId;
import io.ghlcredly.core.model.SyncEvent;
import io.ghlcredly.ghl.webhook.WebhookVerdict.Accepted;
import io.ghlcredly.testkit.ghl.GhlEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.EmulatorServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's signed webhooks pass the real verifier and parser, end to end over HTTP. */
class GhlWebhookDeliveryIT {
  private final GhlEmulator emulator = GhlEmulator.start();
  private final EmulatorServer receiver = new EmulatorServer(0, "");
  private final List<WebhookVerdict> verdicts = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    emulator.close();
    receiver.close();
  }

  private void receiveWith(GhlWebhookVerifier verifier) {
    receiver.route(
        "POST",
        "/hooks/ghl",
        request -> {
          WebhookVerdict verdict =
              verifier.verify(request.body().getBytes(StandardCharsets.UTF_8), request.headers());
          verdicts.add(verdict);
          return switch (verdict) {
            case Accepted accepted -> EmulatorResponse.json(200, "");
            case WebhookVerdict.Rejected rejected -> EmulatorResponse.json(rejected.status(), "");
          };
        });
    receiver.start();
    emulator.sendWebhooksTo(URI.create(receiver.baseUrl() + "/hooks/ghl"));
  }

  private GhlWebhookVerifier verifier(GhlWebhookKeys keys, boolean acceptLegacyRsa) {
    return new GhlWebhookVerifier(
        keys, acceptLegacyRsa, Duration.ofMinutes(5), 1_000_000, InstantSource.system());
  }

  @Test
  void acceptsEmulatorWebhookAndParsesTagUpdate() {
    receiveWith(
        verifier(
            GhlWebhookKeys.fromPem(
                List.of(emulator.ed25519PublicKeyPem()), List.of(emulator.rsaPublicKeyPem())),
            false));
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    emulator.addTags(id, "course-done");

    assertThat(emulator.deliveries()).singleElement().extracting("status").isEqualTo(200);
    Accepted accepted = (Accepted) verdicts.getFirst();
    SyncEvent event =
        ((ParsedWebhook.ContactWebhook)
                new GhlWebhookParser().parse(accepted.payload(), accepted.webhookId()))
            .event();
    assertThat(event).isInstanceOf(SyncEvent.ContactTagsUpdated.class);
    assertThat(event.contactId()).isEqualTo(new ContactId(id));
    assertThat(event.eventId().value()).isEqualTo(emulator.deliveries().getFirst().webhookId());
  }

  @Test
  void redeliveryCarriesTheSameWebhookIdForTheInboxToDeduplicate() {
    receiveWith(
        verifier(
            GhlWebhookKeys.fromPem(List.of(emulator.ed25519PublicKeyPem()), List.of()), false));
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    emulator.addTags(id, "course-done");

    emulator.redeliver(emulator.deliveries().getFirst());

    assertThat(verdicts).hasSize(2).allSatisfy(v -> assertThat(v).isInstanceOf(Accepted.class));
    assertThat(((Accepted) verdicts.get(0)).webhookId())
        .isEqualTo(((Accepted) verdicts.get(1)).webhookId());
  }

  @Test
  void rejectsEmulatorWebhookWhenOnlyGhlsPublishedKeysAreTrusted() {
    receiveWith(verifier(GhlWebhookKeys.published(), true));
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    emulator.addTags(id, "course-done");

    assertThat(emulator.deliveries()).singleElement().extracting("status").isEqualTo(401);
    assertThat(receiver.requests()).extracting(EmulatorRequest::path).containsExactly("/hooks/ghl");
  }
}
