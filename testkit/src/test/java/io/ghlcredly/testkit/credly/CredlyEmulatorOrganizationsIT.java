package io.ghlcredly.testkit.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.testkit.credly.RawCredlyClient.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One emulator hosting two organizations, each with its own state, credentials and webhooks. */
class CredlyEmulatorOrganizationsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CredlyEmulator emulator;
  private CredlyOrganization academyA;
  private CredlyOrganization academyB;
  private RawCredlyClient http;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    academyA = emulator.firstOrganization();
    academyB = emulator.addOrganization("Academy B");
    http = new RawCredlyClient(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static String path(CredlyOrganization organization, String rest) {
    return "/organizations/" + organization.organizationId() + rest;
  }

  private RawCredlyClient as(CredlyOrganization organization) {
    return http.authorization(RawCredlyClient.basic(organization.authToken().reveal()));
  }

  private Reply issue(CredlyOrganization organization, BadgeTemplate template, String earnerId) {
    String body =
        """
        {"recipient_email":"%s@example.com","issued_to_first_name":"Ada",
         "issued_to_last_name":"Lovelace","badge_template_id":"%s",
         "issued_at":"2014-04-01 09:41:00 -0500","issuer_earner_id":"%s"}"""
            .formatted(earnerId, template.id(), earnerId);
    return as(organization).post(path(organization, "/badges"), body);
  }

  @Test
  void organizationsAreListedAndFoundByIdWithTheirOwnNames() {
    assertThat(emulator.organizations()).containsExactly(academyA, academyB);
    assertThat(emulator.organization(academyB.organizationId())).contains(academyB);
    assertThat(academyB.organizationId()).isNotEqualTo(academyA.organizationId());

    Reply list = as(academyB).get("/organizations");
    Reply one = as(academyB).get(path(academyB, ""));

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("data")).hasSize(1);
    assertThat(list.body().path("data").path(0).path("id").asText())
        .isEqualTo(academyB.organizationId());
    assertThat(one.body().path("data").path("name").asText()).isEqualTo("Academy B");
    assertThat(as(academyA).get(path(academyA, "")).body().path("data").path("name").asText())
        .isEqualTo("Emulated Organization");
  }

  @Test
  void templatesAndBadgesBelongToOneOrganization() {
    BadgeTemplate onlyInA = academyA.seedTemplate("Course Graduate A");
    BadgeTemplate onlyInB = academyB.seedTemplate("Course Graduate B");

    Reply issued = issue(academyB, onlyInB, "contact-1");
    Reply foreignTemplate = issue(academyB, onlyInA, "contact-2");

    assertThat(issued.status()).isEqualTo(201);
    assertThat(foreignTemplate.status()).isEqualTo(422);
    assertThat(academyB.badges())
        .singleElement()
        .extracting(Badge::id)
        .isEqualTo(issued.body().path("data").path("id").asText());
    assertThat(academyA.badges()).isEmpty();
    assertThat(emulator.badges()).isEmpty();
    assertThat(academyA.templates()).containsExactly(onlyInA);
    assertThat(academyB.templates()).containsExactly(onlyInB);
    JsonNode listedInA = as(academyA).get(path(academyA, "/badge_templates")).body().path("data");
    assertThat(listedInA).hasSize(1);
    assertThat(listedInA.path(0).path("id").asText()).isEqualTo(onlyInA.id());
  }

  @Test
  void aTokenOfOneOrganizationIsRefusedOnAnothersPaths() {
    BadgeTemplate template = academyB.seedTemplate("Course Graduate B");
    String body =
        """
        {"recipient_email":"ada@example.com","issued_to_first_name":"Ada",
         "issued_to_last_name":"Lovelace","badge_template_id":"%s",
         "issued_at":"2014-04-01 09:41:00 -0500"}"""
            .formatted(template.id());

    Reply read = as(academyA).get(path(academyB, "/badge_templates"));
    Reply write = as(academyA).post(path(academyB, "/badges"), body);
    Reply unknown = as(academyA).get("/organizations/no-such-organization/badges");

    assertThat(read.status()).isEqualTo(403);
    assertThat(read.message()).isEqualTo(OrganizationRouter.FOREIGN);
    assertThat(read.body().path("metadata").isNull()).isTrue();
    assertThat(write.status()).isEqualTo(403);
    assertThat(academyB.badges()).isEmpty();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(as(academyB).get(path(academyB, "/badge_templates")).status()).isEqualTo(200);
  }

  @Test
  void anOAuthAccessTokenActsOnlyForTheOrganizationOfItsClient() {
    academyB.registerOAuthClient("client-b", Secret.of("secret-b"));
    Reply grant =
        http.postForm(
            emulator.oauthTokenUrl(),
            "grant_type=client_credentials&client_id=client-b&client_secret=secret-b");
    String bearer = "Bearer " + grant.body().path("access_token").asText();

    Reply own = http.authorization(bearer).get(path(academyB, "/badges"));
    Reply foreign = http.authorization(bearer).get(path(academyA, "/badges"));

    assertThat(grant.status()).isEqualTo(200);
    assertThat(own.status()).isEqualTo(200);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(academyB.oauthTokensIssued()).isEqualTo(1);
    assertThat(academyA.oauthTokensIssued()).isZero();
  }

  @Test
  void eachOrganizationPostsItsOwnWebhooksToItsOwnUrl() throws IOException {
    Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received
              .computeIfAbsent(
                  exchange.getRequestURI().getPath(), p -> new CopyOnWriteArrayList<>())
              .add(MAPPER.readTree(body));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
      academyA.sendWebhooksTo(URI.create(base + "/hooks/a"));
      academyB.sendWebhooksTo(URI.create(base + "/hooks/b"));

      issue(academyA, academyA.seedTemplate("A"), "contact-a");
      issue(academyB, academyB.seedTemplate("B"), "contact-b");

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  academyA.webhookDeliveries().size() == 1
                      && academyB.webhookDeliveries().size() == 1);
      assertThat(received.get("/hooks/a"))
          .singleElement()
          .satisfies(hook -> assertOwnEvent(hook, academyA));
      assertThat(received.get("/hooks/b"))
          .singleElement()
          .satisfies(hook -> assertOwnEvent(hook, academyB));
    } finally {
      receiver.stop(0);
    }
  }

  private static void assertOwnEvent(JsonNode hook, CredlyOrganization organization) {
    assertThat(hook.path("organization_id").asText()).isEqualTo(organization.organizationId());
    assertThat(hook.path("event_type").asText()).isEqualTo(CredlyEvent.BADGE_CREATED);
    assertThat(organization.events())
        .extracting(CredlyEvent::id)
        .contains(hook.path("id").asText());
  }

  @Test
  void eventsAreFoundOnlyInTheirOwnOrganization() {
    issue(academyB, academyB.seedTemplate("B"), "contact-b");
    String eventOfB = academyB.events().getFirst().id();

    Reply own = as(academyB).get(path(academyB, "/events/" + eventOfB));
    Reply elsewhere = as(academyA).get(path(academyA, "/events/" + eventOfB));

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().path("data").path("organization_id").asText())
        .isEqualTo(academyB.organizationId());
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(academyA.events()).isEmpty();
  }

  @Test
  void theEarnersAcceptLinkFindsTheBadgeInItsOrganization() {
    Reply issued = issue(academyB, academyB.seedTemplate("B"), "contact-b");
    String badgeId = issued.body().path("data").path("id").asText();

    Reply accepted = http.authorization(null).get("/badges/" + badgeId + "/accept");

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(academyB.badge(badgeId))
        .hasValueSatisfying(b -> assertThat(b.state()).isEqualTo(Badge.ACCEPTED));
  }

  @Test
  void requestsAndMostCallsInFlightAreCountedPerOrganization() throws Exception {
    emulator.latency(Duration.ofMillis(400));
    List<Future<Reply>> calls = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        calls.add(callers.submit(() -> new RawCredlyClient(emulator).get(path(academyA, ""))));
      }
      for (int i = 0; i < 2; i++) {
        calls.add(
            callers.submit(
                () ->
                    new RawCredlyClient(emulator)
                        .authorization(RawCredlyClient.basic(academyB.authToken().reveal()))
                        .get(path(academyB, "/badges"))));
      }
    }
    for (Future<Reply> call : calls) {
      assertThat(call.get().status()).isEqualTo(200);
    }

    assertThat(academyA.maxInFlight()).isEqualTo(5);
    assertThat(academyB.maxInFlight()).isEqualTo(2);
    assertThat(academyA.requests()).hasSize(5);
    assertThat(academyB.requests()).hasSize(2);
    assertThat(emulator.requests()).hasSize(7);

    academyA.resetMaxInFlight();
    assertThat(academyA.maxInFlight()).isZero();
    emulator.latency(Duration.ZERO);
    http.get(path(academyA, "/badges"));
    http.get(path(academyA, "/badges"));
    assertThat(academyA.maxInFlight()).isEqualTo(1);
    assertThat(academyB.maxInFlight()).isEqualTo(2);
  }
}
