package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * An issued badge as Credly returns it. Timestamps are kept as Credly's ISO-8601 text.
 *
 * @param state {@code pending}, {@code accepted}, {@code rejected}, {@code revoked} (or {@code
 *     expired})
 * @param acceptBadgeUrl only present in the response to the issue call
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssuedBadgeDto(
    String id,
    String state,
    @Nullable String recipientEmail,
    @Nullable String issuedTo,
    @Nullable String issuedToFirstName,
    @Nullable String issuedToLastName,
    @Nullable String issuerEarnerId,
    @Nullable String issuedAt,
    @Nullable String issuedAtDate,
    @Nullable String expiresAt,
    @Nullable String revocationReason,
    @Nullable String badgeUrl,
    @Nullable String acceptBadgeUrl,
    @Nullable String createdAt,
    @Nullable String updatedAt,
    @Nullable BadgeTemplateDto badgeTemplate) {
  public static final String REVOKED = "revoked";

  public boolean revoked() {
    return REVOKED.equals(state);
  }

  /** The template id, or null when Credly left the template out. */
  public @Nullable String badgeTemplateId() {
    return badgeTemplate == null ? null : badgeTemplate.id();
  }
}
