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
 * Body of {@code POST /organizations/{org}/badges}, with every documented field (credly.md §5a).
 * Null optional fields are not sent. Build one with {@link #builder}.
 *
 * @param issuedAt formatted as Credly documents it, {@code yyyy-MM-dd HH:mm:ss Z} (see {@link
 *     #timestamp(Instant, ZoneId)})
 * @param issuerEarnerId our stable id for the earner; Credly refuses a second badge of the template
 *     for it, which makes issuing idempotent
 * @param expiresAt a timestamp, {@code Boolean.FALSE} for "never expires", or null for the
 *     template's default expiry
 * @param suppressBadgeNotificationEmail true stops Credly's notification and reminder e-mails
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssueBadgeRequest(
    String recipientEmail,
    String issuedToFirstName,
    @Nullable String issuedToMiddleName,
    String issuedToLastName,
    String badgeTemplateId,
    String issuedAt,
    @Nullable String issuerEarnerId,
    @Nullable List<EvidenceDto> evidence,
    @Nullable String locale,
    @Nullable Boolean suppressBadgeNotificationEmail,
    @Nullable Object expiresAt,
    @Nullable String countryName,
    @Nullable String stateOrProvince) {
  /** Credly's documented timestamp format, for example {@code 2014-04-01 09:41:00 -0500}. */
  public static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

  /** The locales Credly documents for notification e-mails. */
  public static final List<String> LOCALES =
      List.of("en", "fr", "de", "ko", "ja", "zh-CN", "pt", "es-ES", "es-US", "fr-CA", "pt-BR");

  public IssueBadgeRequest {
    requireText(recipientEmail, "recipient_email");
    requireText(issuedToFirstName, "issued_to_first_name");
    requireText(issuedToLastName, "issued_to_last_name");
    requireText(badgeTemplateId, "badge_template_id");
    requireText(issuedAt, "issued_at");
    evidence = evidence == null ? null : List.copyOf(evidence);
    if (expiresAt != null && !(expiresAt instanceof String) && !Boolean.FALSE.equals(expiresAt)) {
      throw new IllegalArgumentException("expires_at is a timestamp, false or absent");
    }
    if (locale != null && !LOCALES.contains(locale)) {
      throw new IllegalArgumentException("locale must be one of " + LOCALES + ": " + locale);
    }
  }

  /** A request with the required fields and the issuer_earner_id. */
  public static IssueBadgeRequest of(
      String recipientEmail,
      String firstName,
      String lastName,
      String badgeTemplateId,
      OffsetDateTime issuedAt,
      @Nullable String issuerEarnerId) {
    return builder(recipientEmail, firstName, lastName, badgeTemplateId, issuedAt)
        .issuerEarnerId(issuerEarnerId)
        .build();
  }

  public static Builder builder(
      String recipientEmail,
      String firstName,
      String lastName,
      String badgeTemplateId,
      OffsetDateTime issuedAt) {
    return new Builder(
        recipientEmail, firstName, lastName, badgeTemplateId, TIMESTAMP_FORMAT.format(issuedAt));
  }

  /** Formats an instant in Credly's request format, at the given zone's offset. */
  public static String timestamp(Instant instant, ZoneId zone) {
    return TIMESTAMP_FORMAT.format(instant.atZone(zone));
  }

  public Builder toBuilder() {
    Builder builder =
        new Builder(recipientEmail, issuedToFirstName, issuedToLastName, badgeTemplateId, issuedAt);
    builder.middleName = issuedToMiddleName;
    builder.issuerEarnerId = issuerEarnerId;
    builder.evidence = evidence;
    builder.locale = locale;
    builder.suppressNotification = suppressBadgeNotificationEmail;
    builder.expiresAt = expiresAt;
    builder.countryName = countryName;
    builder.stateOrProvince = stateOrProvince;
    return builder;
  }

  public IssueBadgeRequest withEvidence(List<EvidenceDto> items) {
    return toBuilder().evidence(items).build();
  }

  public IssueBadgeRequest withLocale(String value) {
    return toBuilder().locale(value).build();
  }

  public IssueBadgeRequest withSuppressBadgeNotificationEmail(boolean value) {
    return toBuilder().suppressNotification(value).build();
  }

  public IssueBadgeRequest withExpiresAt(OffsetDateTime value) {
    return toBuilder().expiresAt(value).build();
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  /** Collects the optional fields; not thread-safe. */
  public static final class Builder {
    private final String recipientEmail;
    private final String firstName;
    private final String lastName;
    private final String badgeTemplateId;
    private final String issuedAt;
    private @Nullable String middleName;
    private @Nullable String issuerEarnerId;
    private @Nullable List<EvidenceDto> evidence;
    private @Nullable String locale;
    private @Nullable Boolean suppressNotification;
    private @Nullable Object expiresAt;
    private @Nullable String countryName;
    private @Nullable String stateOrProvince;

    private Builder(
        String recipientEmail,
        String firstName,
        String lastName,
        String badgeTemplateId,
        String issuedAt) {
      this.recipientEmail = recipientEmail;
      this.firstName = firstName;
      this.lastName = lastName;
      this.badgeTemplateId = badgeTemplateId;
      this.issuedAt = issuedAt;
    }

    public Builder middleName(@Nullable String value) {
      this.middleName = value;
      return this;
    }

    public Builder issuerEarnerId(@Nullable String value) {
      this.issuerEarnerId = value;
      return this;
    }

    public Builder evidence(@Nullable List<EvidenceDto> value) {
      this.evidence = value;
      return this;
    }

    public Builder locale(@Nullable String value) {
      this.locale = value;
      return this;
    }

    public Builder suppressNotification(@Nullable Boolean value) {
      this.suppressNotification = value;
      return this;
    }

    public Builder expiresAt(OffsetDateTime value) {
      this.expiresAt = TIMESTAMP_FORMAT.format(value);
      return this;
    }

    /** Sends {@code expires_at: false}: the badge never expires, whatever the template says. */
    public Builder neverExpires() {
      this.expiresAt = false;
      return this;
    }

    public Builder country(@Nullable String country, @Nullable String stateOrProvinceName) {
      this.countryName = country;
      this.stateOrProvince = stateOrProvinceName;
      return this;
    }

    public IssueBadgeRequest build() {
      return new IssueBadgeRequest(
          recipientEmail,
          firstName,
          middleName,
          lastName,
          badgeTemplateId,
          issuedAt,
          issuerEarnerId,
          evidence,
          locale,
          suppressNotification,
          expiresAt,
          countryName,
          stateOrProvince);
    }
  }
}
