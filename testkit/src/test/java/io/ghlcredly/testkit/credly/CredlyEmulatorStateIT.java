package io.ghlcredly.testkit.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.credly.RawCredlyClient.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's stateful surface beyond issuing: states, events, webhooks, Workforce, OAuth. */
class CredlyEmulatorStateIT {
  private CredlyEmulator emulator;
  private RawCredlyClient http;
  private BadgeTemplate template;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    http = new RawCredlyClient(emulator);
    template = emulator.seedTemplate("Course Graduate");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String issue(String email, String earnerId) {
    Reply reply =
        http.post(
            http.orgPath("/badges"),
            """
            {"recipient_email":"%s","issued_to_first_name":"Ada","issued_to_last_name":"Lovelace",
             "badge_template_id":"%s","issued_at":"2026-03-01 09:00:00 +0000",
             "issuer_earner_id":"%s"}"""
                .formatted(email, template.id(), earnerId));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().path("data").path("id").asText();
  }

  @Test
  void recordsAnEventForEveryBadgeChangeAndServesIt() {
    String id = issue("ada@example.com", "c-1");
    emulator.rejectBadge(id);
    assertThat(http.delete(http.orgPath("/badges/" + id)).status()).isEqualTo(204);

    assertThat(emulator.events())
        .extracting(CredlyEvent::type)
        .containsExactly("badge.created", "badge.state.changed", "badge.deleted");
    JsonNode event =
        http.get(http.orgPath("/events/" + emulator.events().get(1).id())).body().path("data");
    assertThat(event.path("event_type").asText()).isEqualTo("badge.state.changed");
    assertThat(event.path("badge").path("state").asText()).isEqualTo("rejected");
    assertThat(http.get(http.orgPath("/events/unknown")).status()).isEqualTo(404);
  }

  @Test
  void acceptAndRejectOnlyFromPending() {
    String id = issue("ada@example.com", "c-1");
    emulator.acceptBadge(id);

    JsonNode rejected = http.get("/badges/" + id + "/reject").body();

    assertThat(rejected.path("data").path("message").asText()).contains("cannot be rejected");
    assertThat(emulator.badge(id).orElseThrow().state()).isEqualTo(Badge.ACCEPTED);
  }

  @Test
  void replacedBadgeLinksBothWaysAndNoLongerBlocksADuplicate() {
    String id = issue("ada@example.com", "c-1");

    Reply replaced =
        http.post(
            http.orgPath("/badges/" + id + "/replace"),
            "{\"badge_template_id\":\"%s\",\"issued_at\":\"2026-03-02 09:00:00 +0000\"}"
                .formatted(template.id()));

    assertThat(replaced.status()).isEqualTo(201);
    String newId = replaced.body().path("data").path("id").asText();
    assertThat(replaced.body().path("data").path("replaces_badge_id").asText()).isEqualTo(id);
    assertThat(emulator.badge(id).orElseThrow().replacementBadgeId()).isEqualTo(newId);
    assertThat(emulator.countBadges(template.id(), "c-1")).isEqualTo(2);
  }

  @Test
  void listsTemplatesFilteredSortedAndPaged() {
    emulator.seedTemplate("Alpha");
    emulator.archiveTemplate(emulator.seedTemplate("Zulu").id());

    JsonNode page =
        http.get(http.orgPath("/badge_templates?filter=state%3A%3Aactive&sort=-name&per=1")).body();

    assertThat(page.path("data").get(0).path("name").asText()).isEqualTo("Course Graduate");
    assertThat(page.path("metadata").path("total_count").asInt()).isEqualTo(2);
    assertThat(page.path("metadata").path("next_page_url").asText()).contains("sort=-name");
    assertThat(http.get(http.orgPath("/badge_templates?filter=owner%3A%3Ax")).status())
        .isEqualTo(400);
  }

  @Test
  void bulkSearchPagesWithACursorAndOnlyANextPageUrl() {
    for (int i = 0; i < 3; i++) {
      issue("p" + i + "@example.com", "c-" + i);
    }

    JsonNode first = http.get(http.orgPath("/high_volume_issued_badge_search?per=2")).body();
    String next = first.path("metadata").path("next_page_url").asText();
    JsonNode second = http.getAbsolute(next).body();

    assertThat(first.path("data")).hasSize(2);
    assertThat(first.path("metadata").has("total_count")).isFalse();
    assertThat(second.path("data")).hasSize(1);
    assertThat(second.path("metadata").path("next_page_url").isNull()).isTrue();
  }

  @Test
  void workforceRoutesAnswer403WithoutWorkforce() {
    assertThat(http.get(http.orgPath("/employees")).status()).isEqualTo(403);

    emulator.enableWorkforce(true);
    Reply created =
        http.post(
            http.orgPath("/employees"),
            "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"external_id\":\"c-1\"}");
    Reply duplicate =
        http.post(
            http.orgPath("/employees"),
            "{\"email\":\"other@example.com\",\"external_id\":\"c-1\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(emulator.employees()).hasSize(1);
  }

  @Test
  void keepsEveryWritableEmployeeAttributeAndUpdatesOnlyWhatIsSent() {
    emulator.enableWorkforce(true);
    Reply created =
        http.post(
            http.orgPath("/employees"),
            """
            {"email":"ada@example.com","external_id":"c-1","department":"R&D",
             "job_family":"Engineering","zip_code":"10115","manager_external_id":"c-0"}""");
    String id = created.body().path("data").path("id").asText();

    Reply updated = http.put(http.orgPath("/employees/" + id), "{\"job_family\":\"Research\"}");

    JsonNode data = updated.body().path("data");
    assertThat(data.path("department").asText()).isEqualTo("R&D");
    assertThat(data.path("job_family").asText()).isEqualTo("Research");
    assertThat(data.path("zip_code").asText()).isEqualTo("10115");
    assertThat(emulator.employees().get(0).attributes())
        .containsEntry("manager_external_id", "c-0")
        .containsEntry("job_family", "Research");
  }

  @Test
  void oauthTokenEndpointIssuesBearerTokensThatExpire() {
    emulator.registerOAuthClient("app-1", Secret.of("s3cret"));

    Reply refused =
        http.postForm(
            emulator.oauthTokenUrl(),
            "grant_type=client_credentials&client_id=app-1&client_secret=wrong");
    Reply granted =
        http.postForm(
            emulator.oauthTokenUrl(),
            "grant_type=client_credentials&client_id=app-1&client_secret=s3cret");
    String bearer = "Bearer " + granted.body().path("access_token").asText();

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().path("error").asText()).isEqualTo("invalid_client");
    assertThat(granted.body().path("expires_in").asLong()).isEqualTo(7200);
    assertThat(http.authorization(bearer).get(http.orgPath("")).status()).isEqualTo(200);
    emulator.expireAccessTokens();
    assertThat(http.authorization(bearer).get(http.orgPath("")).status()).isEqualTo(401);
  }

  @Test
  void organizationTokenStopsWorkingAtItsExpiry() {
    emulator.expireOrganizationTokenAt(Instant.now().minusSeconds(1));

    Reply reply = http.get(http.orgPath(""));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.message()).isEqualTo("The authorization token expired");
  }

  @Test
  void webhooksAreRetriedUntilAnswered200() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          // Credly wants exactly 200: a 204 counts as a failure.
          exchange.sendResponseHeaders(calls.incrementAndGet() < 3 ? 204 : 200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      emulator.webhookRetries(Duration.ofMillis(20), 5);
      emulator.sendWebhooksTo(
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));

      issue("ada@example.com", "c-1");

      // The emulator records a delivery after the receiver answered: wait for the record too.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> calls.get() == 3 && emulator.webhookDeliveries().size() == 3);
      List<CredlyWebhookDelivery> deliveries = emulator.webhookDeliveries();
      assertThat(deliveries).extracting(CredlyWebhookDelivery::attempt).containsExactly(1, 2, 3);
      assertThat(deliveries.getLast().succeeded()).isTrue();
      assertThat(deliveries.getFirst().body())
          .contains("\"event_type\":\"badge.created\"", emulator.organizationId())
          .doesNotContain("recipient_email");
    } finally {
      receiver.stop(0);
    }
  }
}
