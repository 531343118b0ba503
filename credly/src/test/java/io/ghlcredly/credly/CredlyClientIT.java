package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ghlcredly.core.error.ApiException;
import io.ghlcredly.core.model.Secret;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.testkit.credly.BadgeTemplate;
import io.ghlcredly.testkit.credly.CredlyEmulator;
import io.ghlcredly.testkit.server.EmulatorRequest;
import io.ghlcredly.testkit.server.EmulatorResponse;
import io.ghlcredly.testkit.server.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredlyClientIT {
  private static final OffsetDateTime ISSUED_AT = OffsetDateTime.parse("2014-04-01T09:41:00-05:00");

  private CredlyEmulator emulator;
  private CredlyClient client;
  private BadgeTemplate template;

  @BeforeEach
  void start() {
    emulator = CredlyEmulator.start();
    client = clientWith(emulator.authToken());
    template = emulator.seedTemplate("Course Graduate");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CredlyClient clientWith(Secret token) {
    return CredlyClient.create(
        new CredlySettings(
            emulator.baseUrl(), emulator.organizationId(), token, Duration.ofSeconds(5)));
  }

  private IssueBadgeRequest request(String templateId, String earnerId) {
    return IssueBadgeRequest.of(
        earnerId + "@example.com", "Ada", "Lovelace", templateId, ISSUED_AT, earnerId);
  }

  private List<EmulatorRequest> requests(String method) {
    return emulator.requests().stream().filter(r -> r.method().equals(method)).toList();
  }

  @Test
  void issuesBadgeWithSnakeCaseBodyAndBasicAuth() {
    IssuedBadgeDto badge = client.issueBadge(request(template.id(), "contact-1"));

    assertThat(badge.state()).isEqualTo("pending");
    assertThat(badge.issuerEarnerId()).isEqualTo("contact-1");
    assertThat(badge.badgeTemplateId()).isEqualTo(template.id());
    assertThat(badge.acceptBadgeUrl()).isNotBlank();
    assertThat(emulator.badges()).singleElement().extracting(b -> b.id()).isEqualTo(badge.id());
    EmulatorRequest sent = requests("POST").get(0);
    String expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (emulator.authToken().reveal() + ":").getBytes(StandardCharsets.UTF_8));
    assertThat(sent.header("Authorization")).contains(expectedAuth);
    assertThat(sent.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(sent.body())
        .contains("\"recipient_email\":\"contact-1@example.com\"")
        .contains("\"issued_to_first_name\":\"Ada\"")
        .contains("\"issued_to_last_name\":\"Lovelace\"")
        .contains("\"badge_template_id\":\"" + template.id() + "\"")
        .contains("\"issued_at\":\"2014-04-01 09:41:00 -0500\"")
        .contains("\"issuer_earner_id\":\"contact-1\"")
        .doesNotContain("null")
        .doesNotContain("locale");
  }

  @Test
  void refusedTokenIsUnauthorized() {
    CredlyClient wrong = clientWith(Secret.of("not-the-token"));

    assertThatThrownBy(() -> wrong.issueBadge(request(template.id(), "contact-1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
            });
    assertThat(emulator.badges()).isEmpty();
  }

  @Test
  void invalidTemplateIsPermanentWithCredlysMessage() {
    assertThatThrownBy(() -> client.issueBadge(request("bogus", "contact-1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.PERMANENT);
              assertThat(e.providerMessage())
                  .contains("Invalid or missing Badge Template ID: bogus");
              assertThat(e.connector()).isEqualTo("credly");
            });
  }

  @Test
  void findsBadgesWithEncodedFilter() {
    BadgeTemplate other = emulator.seedTemplate("Other");
    client.issueBadge(request(template.id(), "contact-1"));
    client.issueBadge(request(other.id(), "contact-1"));
    client.issueBadge(request(template.id(), "contact-2"));

    List<IssuedBadgeDto> found = client.findBadges("contact-1", template.id());

    assertThat(found)
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.issuerEarnerId()).isEqualTo("contact-1");
              assertThat(badge.badgeTemplateId()).isEqualTo(template.id());
            });
    assertThat(requests("GET").get(0).rawQuery())
        .isEqualTo(
            "filter=issuer_earner_id%3A%3Acontact-1%7Cbadge_template_id%3A%3A" + template.id());
  }

  @Test
  void followsNextPageUrlThroughEveryPage() {
    BadgeTemplate repeatable = emulator.seedTemplate("tpl-repeat", "Monthly Star", true);
    for (int i = 0; i < 55; i++) {
      client.issueBadge(request(repeatable.id(), "contact-1"));
    }

    List<IssuedBadgeDto> found = client.findBadges("contact-1", repeatable.id());

    assertThat(found).hasSize(55).extracting(IssuedBadgeDto::id).doesNotHaveDuplicates();
    List<EmulatorRequest> gets = requests("GET");
    assertThat(gets).hasSize(2);
    assertThat(gets.get(1).query()).containsEntry("page", "2");
    assertThat(gets.get(1).query().get("filter")).startsWith("issuer_earner_id::contact-1|");
  }

  @Test
  void followsOnlyTheQueryOfANextPageUrlOnAnotherHost() {
    BadgeTemplate repeatable = emulator.seedTemplate("tpl-repeat", "Monthly Star", true);
    client.issueBadge(request(repeatable.id(), "contact-1"));
    client.issueBadge(request(repeatable.id(), "contact-1"));
    String filter = "issuer_earner_id%3A%3Acontact-1%7Cbadge_template_id%3A%3Atpl-repeat";
    String firstPage =
        """
        {"data":[],"metadata":{"count":0,"current_page":1,"total_count":2,"total_pages":2,
         "per":1,"previous_page_url":null,
         "next_page_url":"https://api.credly.com/api/v1/organizations/x/badges?filter=%s&page=1&per=2"}}
        """
            .formatted(filter);
    emulator.inject(
        Fault.status("GET", "/organizations/", 1, EmulatorResponse.json(200, firstPage)));

    List<IssuedBadgeDto> found = client.findBadges("contact-1", "tpl-repeat");

    assertThat(found).hasSize(2);
    assertThat(requests("GET").get(1).path())
        .isEqualTo("/organizations/" + emulator.organizationId() + "/badges");
  }

  @Test
  void serverErrorIsTransient() {
    emulator.inject(
        Fault.status(
            "POST",
            "/organizations/",
            1,
            EmulatorResponse.json(500, "{\"data\":{\"message\":\"Internal Server Error\"}}")));

    assertThatThrownBy(() -> client.issueBadge(request(template.id(), "contact-1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.providerMessage()).contains("Internal Server Error");
            });
  }

  @Test
  void rateLimitIsTransientWithRetryAfter() {
    emulator.inject(
        Fault.status(
            "GET",
            "/organizations/",
            1,
            EmulatorResponse.json(429, "{\"data\":{\"message\":\"Too Many Requests\"}}")
                .withHeader("Retry-After", "7")));

    assertThatThrownBy(() -> client.findBadges("contact-1", template.id()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSIENT);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
  }
}
