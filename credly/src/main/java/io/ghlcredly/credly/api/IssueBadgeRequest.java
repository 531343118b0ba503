package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /organizations/{org}/badges}. Null optional fields are not sent.
 *
 * @param issuedAt formatted as Credly documents it, {@code yyyy-MM-dd HH:mm:ss Z} (see {@link
 *     #timestamp(Instant, ZoneId)})
 * @param issuerEarnerId our stable id for the earner; Credly refuses a second badge of the template
 *     for it, which makes issuing idempotent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssueBadgeRequest(
    String recipientEmail,
    String issuedToFirstName,
    String issuedToLastName,
    String badgeTemplateId,
    String issuedAt,
    @Nullable String issuerEarnerId,
    @Nullable List<EvidenceDto> evidence,
    @Nullable String locale,
    @Nullable Boolean suppressBadgeNotificationEmail,
    @Nullable String expiresAt) {
  /** Credly's documented timestamp format, for example {@code 2014-04-01 09:41:00 -0500}. */
  public static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

  public IssueBadgeRequest {
    requireText(recipientEmail, "recipient_email");
    requireText(issuedToFirstName, "issued_to_first_name");
    requireText(issuedToLastName, "issued_to_last_name");
    requireText(badgeTemplateId, "badge_template_id");
    requireText(issuedAt, "issued_at");
    evidence = evidence == null ? null : List.copyOf(evidence);
  }

  /** A request with the required fields and the issuer_earner_id. */
  public static IssueBadgeRequest of(
      String recipientEmail,
      String firstName,
      String lastName,
      String badgeTemplateId,
      OffsetDateTime issuedAt,
      @Nullable String issuerEarnerId) {
    return new IssueBadgeRequest(
        recipientEmail,
        firstName,
        lastName,
        badgeTemplateId,
        TIMESTAMP_FORMAT.format(issuedAt),
        issuerEarnerId,
        null,
        null,
        null,
        null);
  }

  /** Formats an instant in Credly's request format, at the given zone's offset. */
  public static String timestamp(Instant instant, ZoneId zone) {
    return TIMESTAMP_FORMAT.format(instant.atZone(zone));
  }

  public IssueBadgeRequest withEvidence(List<EvidenceDto> items) {
    return new IssueBadgeRequest(
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        badgeTemplateId,
        issuedAt,
        issuerEarnerId,
        items,
        locale,
        suppressBadgeNotificationEmail,
        expiresAt);
  }

  public IssueBadgeRequest withLocale(String value) {
    return new IssueBadgeRequest(
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        badgeTemplateId,
        issuedAt,
        issuerEarnerId,
        evidence,
        value,
        suppressBadgeNotificationEmail,
        expiresAt);
  }

  public IssueBadgeRequest withSuppressBadgeNotificationEmail(boolean value) {
    return new IssueBadgeRequest(
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        badgeTemplateId,
        issuedAt,
        issuerEarnerId,
        evidence,
        locale,
        value,
        expiresAt);
  }

  public IssueBadgeRequest withExpiresAt(OffsetDateTime value) {
    return new IssueBadgeRequest(
        recipientEmail,
        issuedToFirstName,
        issuedToLastName,
        badgeTemplateId,
        issuedAt,
        issuerEarnerId,
        evidence,
        locale,
        suppressBadgeNotificationEmail,
        TIMESTAMP_FORMAT.format(value));
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
