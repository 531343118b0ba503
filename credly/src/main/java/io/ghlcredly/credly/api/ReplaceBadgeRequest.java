package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /organizations/{org}/badges/{id}/replace} (credly.md §5h): the replacement
 * badge. Template and issue time are required; the rest corrects the old badge's values.
 *
 * @param issuedAt Credly's timestamp format, see {@link IssueBadgeRequest#TIMESTAMP_FORMAT}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplaceBadgeRequest(
    String badgeTemplateId,
    String issuedAt,
    @Nullable String issuedToFirstName,
    @Nullable String issuedToLastName,
    @Nullable String issuerEarnerId,
    @Nullable String expiresAt,
    @Nullable String countryName,
    @Nullable String stateOrProvince,
    @Nullable List<EvidenceDto> evidence,
    @Nullable String notificationMessage) {
  public ReplaceBadgeRequest {
    if (badgeTemplateId == null || badgeTemplateId.isBlank()) {
      throw new IllegalArgumentException("badge_template_id must not be blank");
    }
    if (issuedAt == null || issuedAt.isBlank()) {
      throw new IllegalArgumentException("issued_at must not be blank");
    }
    evidence = evidence == null ? null : List.copyOf(evidence);
  }

  /** A replacement with the required fields only. */
  public static ReplaceBadgeRequest of(String badgeTemplateId, String issuedAt) {
    return new ReplaceBadgeRequest(
        badgeTemplateId, issuedAt, null, null, null, null, null, null, null, null);
  }
}
