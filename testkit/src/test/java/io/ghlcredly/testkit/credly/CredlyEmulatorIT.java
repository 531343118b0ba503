package io.ghlcredly.testkit.credly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.testkit.credly.RawCredlyClient.Reply;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredlyEmulatorIT {
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

  private static String issueBody(String templateId, String email, String earnerId) {
    return """
        {"recipient_email":"%s","issued_to_first_name":"Ada","issued_to_last_name":"Lovelace",
         "badge_template_id":"%s","issued_at":"2014-04-01 09:41:00 -0500",
         "issuer_earner_id":"%s"}"""
        .formatted(email, templateId, earnerId);
  }

  private Reply issue(String email, String earnerId) {
    return http.post(http.orgPath("/badges"), issueBody(template.id(), email, earnerId));
  }

  @Test
  void baseUrlEndsWithApiVersion() {
    assertThat(emulator.baseUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/v1");
  }

  @Test
  void issuesPendingBadgeShapedLikeCredly() {
    Reply reply = issue("ada@example.com", "contact-1");

    assertThat(reply.status()).isEqualTo(201);
    JsonNode data = reply.body().path("data");
    assertThat(data.path("id").asText()).isNotBlank();
    assertThat(data.path("state").asText()).isEqualTo("pending");
    assertThat(data.path("issued_at").asText()).isEqualTo("2014-04-01T14:41:00.000Z");
    assertThat(data.path("issued_at_date").asText()).isEqualTo("2014-04-01");
    assertThat(data.path("issued_to").asText()).isEqualTo("Ada Lovelace");
    assertThat(data.path("recipient_email").asText()).isEqualTo("ada@example.com");
    assertThat(data.path("issuer_earner_id").asText()).isEqualTo("contact-1");
    assertThat(data.path("badge_template").path("id").asText()).isEqualTo(template.id());
    assertThat(data.path("badge_template").path("name").asText()).isEqualTo("Course Graduate");
    assertThat(data.path("accept_badge_url").asText())
        .endsWith(data.path("id").asText() + "/accept");
    assertThat(data.has("expires_at")).isTrue();
    assertThat(data.path("expires_at").isNull()).isTrue();
    assertThat(reply.body().path("metadata").isObject()).isTrue();
    assertThat(emulator.badges())
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.id()).isEqualTo(data.path("id").asText());
              assertThat(badge.issuerEarnerId()).isEqualTo("contact-1");
              assertThat(badge.state()).isEqualTo(Badge.PENDING);
            });
  }

  @Test
  void refusesMissingOrWrongToken() {
    Reply missing = http.authorization(null).post(http.orgPath("/badges"), "{}");
    Reply wrong =
        http.authorization(RawCredlyClient.basic("not-the-token")).get(http.orgPath("/badges"));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.message()).isNotBlank();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(emulator.badges()).isEmpty();
  }

  @Test
  void answersNotFoundForAnotherOrganization() {
    Reply reply = http.get("/organizations/00000000-0000-0000-0000-000000000000/badges");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.message()).contains("Organization");
  }

  @Test
  void servesOrganizationAndTemplate() {
    Reply org = http.get(http.orgPath(""));
    Reply found = http.get(http.orgPath("/badge_templates/" + template.id()));
    Reply unknown = http.get(http.orgPath("/badge_templates/nope"));

    assertThat(org.body().path("data").path("id").asText()).isEqualTo(emulator.organizationId());
    assertThat(found.body().path("data").path("state").asText()).isEqualTo("active");
    assertThat(found.body().path("data").path("allow_duplicate_badges").asBoolean()).isFalse();
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void namesTheMissingRequiredField() {
    for (String field :
        List.of("recipient_email", "issued_to_first_name", "issued_to_last_name", "issued_at")) {
      String body = issueBody(template.id(), "ada@example.com", "c1").replace(field, "x_" + field);

      Reply reply = http.post(http.orgPath("/badges"), body);

      assertThat(reply.status()).as(field).isEqualTo(422);
      assertThat(reply.message()).as(field).contains(field);
      assertThat(reply.body().path("metadata").isNull()).isTrue();
    }
    assertThat(emulator.badges()).isEmpty();
  }

  @Test
  void refusesUnknownOrArchivedTemplateWithCredlysMessage() {
    Reply unknown = http.post(http.orgPath("/badges"), issueBody("bogus", "a@example.com", "c1"));
    emulator.archiveTemplate(template.id());
    Reply archived = issue("a@example.com", "c1");
    Reply missing = http.post(http.orgPath("/badges"), issueBody("", "a@example.com", "c1"));

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.message()).isEqualTo("Invalid or missing Badge Template ID: bogus");
    assertThat(archived.status()).isEqualTo(422);
    assertThat(archived.message()).contains(template.id());
    assertThat(missing.message()).isEqualTo("Invalid or missing Badge Template ID: ");
  }

  @Test
  void refusesInvalidIssuedAt() {
    String body =
        issueBody(template.id(), "a@example.com", "c1")
            .replace("2014-04-01 09:41:00 -0500", "soon");

    Reply reply = http.post(http.orgPath("/badges"), body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.message()).contains("issued_at");
  }

  @Test
  void refusesDuplicateBySameEarnerIdOrSameEmail() {
    assertThat(issue("ada@example.com", "contact-1").status()).isEqualTo(201);

    Reply sameEarner = issue("other@example.com", "contact-1");
    Reply sameEmail = issue("ADA@example.com", "contact-2");

    assertThat(sameEarner.status()).isEqualTo(422);
    assertThat(sameEarner.message()).containsIgnoringCase("already");
    assertThat(sameEmail.status()).isEqualTo(422);
    assertThat(emulator.countBadges(template.id(), "contact-1")).isEqualTo(1);
    assertThat(emulator.badges()).hasSize(1);
  }

  @Test
  void issuesDuplicatesWhenTemplateAllowsThem() {
    BadgeTemplate repeatable = emulator.seedTemplate("tpl-repeat", "Monthly Star", true);
    String body = issueBody(repeatable.id(), "ada@example.com", "contact-1");

    assertThat(http.post(http.orgPath("/badges"), body).status()).isEqualTo(201);
    assertThat(http.post(http.orgPath("/badges"), body).status()).isEqualTo(201);
    assertThat(emulator.countBadges("tpl-repeat", "contact-1")).isEqualTo(2);
  }

  @Test
  void revokedBadgeDoesNotBlockReissue() {
    String id = issue("ada@example.com", "contact-1").body().path("data").path("id").asText();

    Reply revoked = http.put(http.orgPath("/badges/" + id + "/revoke"), "{\"reason\":\"error\"}");
    Reply again = http.put(http.orgPath("/badges/" + id + "/revoke"), "{\"reason\":\"error\"}");
    Reply reissued = issue("ada@example.com", "contact-1");

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().path("data").path("state").asText()).isEqualTo("revoked");
    assertThat(revoked.body().path("data").path("revocation_reason").asText()).isEqualTo("error");
    assertThat(again.status()).isEqualTo(422);
    assertThat(reissued.status()).isEqualTo(201);
    assertThat(emulator.countBadges(template.id(), "contact-1")).isEqualTo(2);
  }

  @Test
  void revokeNeedsReason() {
    String id = issue("ada@example.com", "contact-1").body().path("data").path("id").asText();

    Reply reply = http.put(http.orgPath("/badges/" + id + "/revoke"), "{}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(emulator.badge(id).orElseThrow().state()).isEqualTo("pending");
  }

  @Test
  void readsOneBadge() {
    String id = issue("ada@example.com", "contact-1").body().path("data").path("id").asText();

    Reply found = http.get(http.orgPath("/badges/" + id));
    Reply unknown = http.get(http.orgPath("/badges/unknown"));

    assertThat(found.body().path("data").path("id").asText()).isEqualTo(id);
    assertThat(found.body().path("data").has("accept_badge_url")).isFalse();
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void filtersByEarnerTemplateEmailAndState() {
    BadgeTemplate other = emulator.seedTemplate("Other");
    issue("a@example.com", "c1");
    issue("b@example.com", "c2");
    http.post(http.orgPath("/badges"), issueBody(other.id(), "a@example.com", "c1"));

    JsonNode byEarnerAndTemplate =
        http.get(
                http.orgPath(
                    "/badges?filter=issuer_earner_id%3A%3Ac1%7Cbadge_template_id%3A%3A"
                        + template.id()))
            .body();
    JsonNode byEmail =
        http.get(http.orgPath("/badges?filter=recipient_email::a@example.com")).body();
    JsonNode byState = http.get(http.orgPath("/badges?filter=state::accepted,revoked")).body();

    assertThat(byEarnerAndTemplate.path("data")).hasSize(1);
    assertThat(byEarnerAndTemplate.path("data").get(0).path("issuer_earner_id").asText())
        .isEqualTo("c1");
    assertThat(byEarnerAndTemplate.path("metadata").path("total_count").asInt()).isEqualTo(1);
    assertThat(byEmail.path("data")).hasSize(2);
    assertThat(byState.path("data")).isEmpty();
  }

  @Test
  void refusesUnsupportedFilterKey() {
    Reply reply = http.get(http.orgPath("/badges?filter=favourite_colour::blue"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("favourite_colour");
  }

  @Test
  void pagesWithAbsoluteNextPageUrls() {
    for (int i = 0; i < 5; i++) {
      issue("p" + i + "@example.com", "c" + i);
    }

    Reply first = http.get(http.orgPath("/badges?per=2"));
    JsonNode metadata = first.body().path("metadata");
    String next = metadata.path("next_page_url").asText();
    Reply second = http.getAbsolute(next);
    Reply third = http.getAbsolute(second.body().path("metadata").path("next_page_url").asText());

    assertThat(metadata.path("count").asInt()).isEqualTo(2);
    assertThat(metadata.path("current_page").asInt()).isEqualTo(1);
    assertThat(metadata.path("total_count").asInt()).isEqualTo(5);
    assertThat(metadata.path("total_pages").asInt()).isEqualTo(3);
    assertThat(metadata.path("per").asInt()).isEqualTo(2);
    assertThat(metadata.path("previous_page_url").isNull()).isTrue();
    assertThat(next).startsWith(emulator.baseUrl().toString() + "/organizations/");
    assertThat(second.body().path("metadata").path("current_page").asInt()).isEqualTo(2);
    assertThat(second.body().path("metadata").path("previous_page_url").asText())
        .contains("page=1");
    assertThat(third.body().path("data")).hasSize(1);
    assertThat(third.body().path("metadata").path("next_page_url").isNull()).isTrue();
    List<String> ids = new ArrayList<>();
    for (Reply page : List.of(first, second, third)) {
      page.body().path("data").forEach(badge -> ids.add(badge.path("id").asText()));
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(5);
  }

  @Test
  void keepsFilterInNextPageUrl() {
    BadgeTemplate other = emulator.seedTemplate("Other");
    for (int i = 0; i < 3; i++) {
      issue("p" + i + "@example.com", "c" + i);
      http.post(http.orgPath("/badges"), issueBody(other.id(), "p" + i + "@example.com", "c" + i));
    }

    Reply first = http.get(http.orgPath("/badges?per=2&filter=badge_template_id::" + other.id()));
    Reply second = http.getAbsolute(first.body().path("metadata").path("next_page_url").asText());

    assertThat(first.body().path("metadata").path("total_count").asInt()).isEqualTo(3);
    assertThat(second.body().path("data")).hasSize(1);
    assertThat(second.body().path("data").get(0).path("badge_template").path("id").asText())
        .isEqualTo(other.id());
  }

  @Test
  void acceptLinkAcceptsPendingBadge() {
    JsonNode data = issue("ada@example.com", "contact-1").body().path("data");
    String acceptUrl = data.path("accept_badge_url").asText();

    Reply accepted = http.authorization(null).getAbsolute(acceptUrl);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(emulator.badge(data.path("id").asText()).orElseThrow().state())
        .isEqualTo(Badge.ACCEPTED);
  }

  @Test
  void injectedFaultAnswersOnceThenNormally() {
    emulator.inject(
        Fault.status("POST", "/organizations/", 1, EmulatorResponse.json(503, "{\"data\":{}}")));

    Reply failed = issue("ada@example.com", "contact-1");
    Reply succeeded = issue("ada@example.com", "contact-1");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(succeeded.status()).isEqualTo(201);
    assertThat(emulator.requests()).hasSize(2);
    assertThat(emulator.requests().get(0).header("Authorization"))
        .contains(RawCredlyClient.basic(emulator.authToken().reveal()));
  }

  @Test
  void concurrentDuplicateIssuesCreateOneBadge() throws Exception {
    List<Future<Reply>> replies = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        replies.add(pool.submit(() -> issue("ada@example.com", "contact-1")));
      }
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Reply> reply : replies) {
      statuses.add(reply.get().status());
    }

    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
    assertThat(emulator.badges()).hasSize(1);
  }
}
