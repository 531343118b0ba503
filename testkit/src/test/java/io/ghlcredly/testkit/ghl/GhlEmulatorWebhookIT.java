package io.ghlcredly.testkit.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ghlcredly.testkit.server.EmulatorRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GhlEmulatorWebhookIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GhlEmulator emulator =
      GhlEmulator.start(
          GhlEmulatorSettings.defaults().withWebhookRetries(Duration.ofMillis(50), 6));
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    emulator.close();
    receiver.close();
  }

  @Test
  void signsEachWebhookWithBothPublishedKeysOverTheExactBody() throws Exception {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    emulator.addTags(id, "course-done");

    EmulatorRequest received = receiver.received().getFirst();
    byte[] body = received.body().getBytes(StandardCharsets.UTF_8);
    assertThat(
            verifies(
                "Ed25519",
                key("Ed25519", emulator.ed25519PublicKeyPem()),
                body,
                received.header("x-ghl-signature").orElseThrow()))
        .isTrue();
    assertThat(
            verifies(
                "SHA256withRSA",
                key("RSA", emulator.rsaPublicKeyPem()),
                body,
                received.header("x-wh-signature").orElseThrow()))
        .isTrue();
    byte[] tampered =
        received.body().replace("course-done", "course-fake").getBytes(StandardCharsets.UTF_8);
    assertThat(
            verifies(
                "Ed25519",
                key("Ed25519", emulator.ed25519PublicKeyPem()),
                tampered,
                received.header("x-ghl-signature").orElseThrow()))
        .isFalse();
  }

  @Test
  void takesTurnsAmongSeveralReceivers() {
    try (WebhookReceiver second = new WebhookReceiver()) {
      emulator.sendWebhooksTo(List.of(receiver.url(), second.url()));
      String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

      emulator.addTags(id, "one");
      emulator.addTags(id, "two");
      emulator.addTags(id, "three");

      assertThat(receiver.received()).hasSize(2);
      assertThat(second.received()).hasSize(1);
      assertThat(emulator.deliveries())
          .extracting(WebhookDelivery::url)
          .containsExactly(receiver.url(), second.url(), receiver.url());
    }
  }

  @Test
  void sendsNoteTaskAndDndEventsShapedLikeGhl() throws Exception {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    GhlApiCaller api = new GhlApiCaller(emulator);

    JsonNode note =
        MAPPER.readTree(
            api.call("POST", "/contacts/" + id + "/notes", "{\"body\":\"Met at the fair\"}")
                .body());
    JsonNode task =
        MAPPER.readTree(
            api.call(
                    "POST",
                    "/contacts/" + id + "/tasks",
                    "{\"title\":\"Course 101\",\"dueDate\":\"2026-04-01T00:00:00Z\","
                        + "\"completed\":false}")
                .body());
    String taskId = task.path("task").path("id").asText();
    api.call("PUT", "/contacts/" + id + "/tasks/" + taskId + "/completed", "{\"completed\":true}");
    api.call("DELETE", "/contacts/" + id + "/tasks/" + taskId, null);
    api.call("PUT", "/contacts/" + id, "{\"dnd\":true}");

    List<JsonNode> payloads =
        receiver.received().stream().map(request -> read(request.body())).toList();
    assertThat(payloads)
        .extracting(payload -> payload.path("type").asText())
        .containsExactly(
            "NoteCreate",
            "TaskCreate",
            "TaskComplete",
            "TaskDelete",
            "ContactUpdate",
            "ContactDndUpdate");
    JsonNode noteEvent = payloads.get(0);
    assertThat(noteEvent.path("id").asText()).isEqualTo(note.path("note").path("id").asText());
    assertThat(noteEvent.path("contactId").asText()).isEqualTo(id);
    assertThat(noteEvent.path("locationId").asText()).isEqualTo(emulator.locationId());
    assertThat(noteEvent.path("body").asText()).isEqualTo("Met at the fair");
    JsonNode completed = payloads.get(2);
    assertThat(completed.path("id").asText()).isEqualTo(taskId);
    assertThat(completed.path("title").asText()).isEqualTo("Course 101");
    assertThat(completed.path("contactId").asText()).isEqualTo(id);
    assertThat(completed.has("webhookId")).isTrue();
    assertThat(payloads.get(5).path("dnd").asBoolean()).isTrue();
  }

  private static JsonNode read(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sendsTagUpdatePayloadShapedLikeGhl() throws Exception {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    emulator.addTags(id, "course-done");

    JsonNode payload = MAPPER.readTree(receiver.received().getFirst().body());
    assertThat(payload.get("type").asText()).isEqualTo("ContactTagUpdate");
    assertThat(payload.get("id").asText()).isEqualTo(id);
    assertThat(payload.get("locationId").asText()).isEqualTo(emulator.locationId());
    assertThat(payload.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(payload.get("firstName").asText()).isEqualTo("Ada");
    assertThat(payload.get("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("vip", "course-done");
    assertThat(payload.get("dateAdded").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
    assertThat(payload.get("timestamp").asText()).endsWith("Z");
    assertThat(payload.get("webhookId").asText()).matches("[0-9a-f-]{36}");
    assertThat(emulator.deliveries())
        .singleElement()
        .satisfies(
            delivery -> {
              assertThat(delivery.status()).isEqualTo(200);
              assertThat(delivery.type()).isEqualTo("ContactTagUpdate");
              assertThat(delivery.contactId()).isEqualTo(id);
            });
  }

  @Test
  void firesOneEventPerChangeWithUniqueWebhookIds() {
    emulator.sendWebhooksTo(receiver.url());

    String id = emulator.createContact("Ada", "Lovelace", "ada@example.com");
    emulator.addTags(id, "a");
    emulator.addTags(id, "a");
    emulator.removeTags(id, "a");
    emulator.deleteContact(id);

    List<WebhookDelivery> deliveries = emulator.deliveries();
    assertThat(deliveries)
        .extracting(WebhookDelivery::type)
        .containsExactly("ContactCreate", "ContactTagUpdate", "ContactTagUpdate", "ContactDelete");
    assertThat(deliveries).extracting(WebhookDelivery::webhookId).doesNotHaveDuplicates();
  }

  @Test
  void seedingSendsNoWebhook() {
    emulator.sendWebhooksTo(receiver.url());

    emulator.seedContact("Ada", "Lovelace", "ada@example.com", "vip");

    assertThat(emulator.deliveries()).isEmpty();
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void apiChangesFireWebhooksToo() {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    new GhlApiCaller(emulator).call("POST", "/contacts/" + id + "/tags", "{\"tags\":[\"x\"]}");

    assertThat(emulator.deliveries())
        .extracting(WebhookDelivery::type)
        .containsExactly("ContactTagUpdate");
  }

  @Test
  void retriesOnlyAfter429WithSameBytes() {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    receiver.answerNext(429, 429);

    emulator.addTags(id, "a");

    await().atMost(Duration.ofSeconds(5)).until(() -> emulator.deliveries().size() == 3);
    List<WebhookDelivery> deliveries = emulator.deliveries();
    assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(429, 429, 200);
    assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
    assertThat(receiver.received())
        .extracting(EmulatorRequest::body)
        .containsOnly(deliveries.getFirst().body());
  }

  @Test
  void doesNotRetryAfterServerError() {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    receiver.answerNext(500);

    emulator.addTags(id, "a");

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> receiver.received().size() == 1);
    assertThat(emulator.deliveries())
        .singleElement()
        .extracting(WebhookDelivery::status)
        .isEqualTo(500);
  }

  @Test
  void redeliversIdenticalBytesAndHeaders() {
    emulator.sendWebhooksTo(receiver.url());
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");
    emulator.addTags(id, "a");
    WebhookDelivery first = emulator.deliveries().getFirst();

    WebhookDelivery again = emulator.redeliver(first);

    assertThat(again.webhookId()).isEqualTo(first.webhookId());
    assertThat(again.attempt()).isEqualTo(2);
    List<EmulatorRequest> received = receiver.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
    assertThat(received.get(1).header("x-ghl-signature"))
        .isEqualTo(received.get(0).header("x-ghl-signature"));
    assertThat(received.get(1).header("x-wh-signature"))
        .isEqualTo(received.get(0).header("x-wh-signature"));
  }

  @Test
  void recordsStatusZeroWhenNobodyListens() {
    URI closed = receiver.url();
    receiver.close();
    emulator.sendWebhooksTo(closed);
    String id = emulator.seedContact("Ada", "Lovelace", "ada@example.com");

    emulator.addTags(id, "a");

    assertThat(emulator.deliveries())
        .singleElement()
        .extracting(WebhookDelivery::status)
        .isEqualTo(0);
  }

  private static PublicKey key(String algorithm, String pem) throws Exception {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm)
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] body, String signature)
      throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(body);
    return verifier.verify(Base64.getDecoder().decode(signature));
  }
}
