package io.ghlcredly.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ghlcredly.credly.api.EvidenceDto;
import io.ghlcredly.credly.api.IssueBadgeRequest;
import io.ghlcredly.credly.api.IssuedBadgeDto;
import io.ghlcredly.credly.api.IssuedBadgePage;
import io.ghlcredly.http.JsonCodec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class IssueBadgeRequestTest {
  private final JsonCodec codec = new JsonCodec();

  @Test
  void formatsTimestampsAsCredlyDocumentsThem() {
    Instant instant = Instant.parse("2014-04-01T14:41:00Z");

    assertThat(IssueBadgeRequest.timestamp(instant, ZoneOffset.UTC))
        .isEqualTo("2014-04-01 14:41:00 +0000");
    assertThat(IssueBadgeRequest.timestamp(instant, ZoneId.of("America/Chicago")))
        .isEqualTo("2014-04-01 09:41:00 -0500");
  }

  @Test
  void writesSnakeCaseAndLeavesOutUnsetFields() {
    IssueBadgeRequest request =
        IssueBadgeRequest.of(
                "ada@example.com",
                "Ada",
                "Lovelace",
                "tpl-1",
                OffsetDateTime.parse("2014-04-01T09:41:00-05:00"),
                "contact-1")
            .withSuppressBadgeNotificationEmail(true)
            .withLocale("en")
            .withExpiresAt(OffsetDateTime.parse("2015-04-01T09:41:00-05:00"))
            .withEvidence(List.of(EvidenceDto.text("Evidence", "Passed the exam")));

    String json = codec.write(request);

    JsonNode tree = codec.tree(json);
    assertThat(tree.path("recipient_email").asText()).isEqualTo("ada@example.com");
    assertThat(tree.path("issued_to_first_name").asText()).isEqualTo("Ada");
    assertThat(tree.path("issued_to_last_name").asText()).isEqualTo("Lovelace");
    assertThat(tree.path("badge_template_id").asText()).isEqualTo("tpl-1");
    assertThat(tree.path("issued_at").asText()).isEqualTo("2014-04-01 09:41:00 -0500");
    assertThat(tree.path("issuer_earner_id").asText()).isEqualTo("contact-1");
    assertThat(tree.path("suppress_badge_notification_email").asBoolean()).isTrue();
    assertThat(tree.path("locale").asText()).isEqualTo("en");
    assertThat(tree.path("expires_at").asText()).isEqualTo("2015-04-01 09:41:00 -0500");
    assertThat(json)
        .contains(
            "\"evidence\":[{\"type\":\"IdEvidence\",\"title\":\"Evidence\","
                + "\"description\":\"Passed the exam\"}]");
    assertThat(
            codec.write(
                IssueBadgeRequest.of(
                    "a@b.c", "A", "B", "t", OffsetDateTime.now(ZoneOffset.UTC), null)))
        .doesNotContain("issuer_earner_id", "evidence", "locale", "expires_at");
  }

  @Test
  void refusesBlankRequiredFields() {
    assertThatThrownBy(
            () ->
                IssueBadgeRequest.of(
                    " ", "Ada", "Lovelace", "tpl", OffsetDateTime.now(ZoneOffset.UTC), null))
        .hasMessageContaining("recipient_email");
  }

  @Test
  void readsTheRecordedIssueResponse() {
    // Shape of zero-gravitas Badges/issue.json, trimmed.
    String body =
        """
        {"data":{"user":{"id":"u1"},"badge_template":{"id":"66c1","name":"Badge Template 2",
          "allow_duplicate_badges":true,"state":"active"},"id":"f773","issued_to":"E F",
          "issued_to_first_name":"E","issued_to_last_name":"F","issuer_earner_id":"abc123",
          "recipient_email":"test@example.com","state":"pending","issued_at":"2014-04-01T14:41:00.000Z",
          "issued_at_date":"2014-04-01","expires_at":null,"accept_badge_url":"https://x/accept",
          "something_new":{"nested":true}},"metadata":{}}""";

    IssuedBadgeDto badge =
        codec.read(body, io.ghlcredly.credly.api.IssuedBadgeResponse.class).data();

    assertThat(badge.id()).isEqualTo("f773");
    assertThat(badge.state()).isEqualTo("pending");
    assertThat(badge.issuerEarnerId()).isEqualTo("abc123");
    assertThat(badge.badgeTemplateId()).isEqualTo("66c1");
    assertThat(Objects.requireNonNull(badge.badgeTemplate()).allowDuplicateBadges()).isTrue();
    assertThat(badge.issuedAtDate()).isEqualTo("2014-04-01");
    assertThat(badge.expiresAt()).isNull();
    assertThat(badge.revoked()).isFalse();
  }

  @Test
  void readsPageMetadataAndTreatsMissingDataAsEmpty() {
    IssuedBadgePage page =
        codec.read(
            "{\"metadata\":{\"count\":0,\"current_page\":1,\"next_page_url\":\"https://h/x?page=2\"}}",
            IssuedBadgePage.class);

    assertThat(page.data()).isEmpty();
    assertThat(page.nextPageUrl()).isEqualTo("https://h/x?page=2");
    assertThat(Objects.requireNonNull(page.metadata()).currentPage()).isEqualTo(1);
  }
}
