package io.ghlcredly.credly.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An issued badge as Credly returns it (credly.md §5k). Timestamps are kept as Credly's ISO-8601
 * text.
 *
 * @param state {@code pending}, {@code accepted}, {@code rejected}, {@code revoked} (or {@code
 *     expired})
 * @param acceptBadgeUrl only present in the response to the issue call
 * @param replacesBadgeId set on a badge issued by replace: the badge it replaced
 * @param replacementBadgeId set on a replaced badge: the badge that replaced it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssuedBadgeDto(
    String id,
    String state,
    @Nullable String recipientEmail,
    @Nullable String issuedTo,
    @Nullable String issuedToFirstName,
    @Nullable String issuedToMiddleName,
    @Nullable String issuedToLastName,
    @Nullable String issuerEarnerId,
    @Nullable String locale,
    @JsonProperty("public") @Nullable Boolean isPublic,
    @Nullable String issuedAt,
    @Nullable String issuedAtDate,
    @Nullable String expiresAt,
    @Nullable String revocationReason,
    @Nullable String replacesBadgeId,
    @Nullable String replacementBadgeId,
    @Nullable Boolean suppressBadgeNotificationEmail,
    @Nullable String badgeUrl,
    @Nullable String acceptBadgeUrl,
    @Nullable String createdAt,
    @Nullable String updatedAt,
    @Nullable String stateUpdatedAt,
    @Nullable List<EvidenceDto> evidence,
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
