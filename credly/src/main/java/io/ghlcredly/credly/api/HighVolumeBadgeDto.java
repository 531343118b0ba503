package io.ghlcredly.credly.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * The slim badge record of {@code high_volume_issued_badge_search} (credly.md §5e).
 *
 * @param badgeTemplate only {@code id} and {@code name} are filled
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HighVolumeBadgeDto(
    String id,
    String state,
    @Nullable String issuedTo,
    @Nullable String issuedToFirstName,
    @Nullable String issuedToLastName,
    @Nullable String issuerEarnerId,
    @JsonProperty("public") @Nullable Boolean isPublic,
    @Nullable String recipientEmail,
    @Nullable String badgeUrl,
    @Nullable String issuedAt,
    @Nullable String expiresAt,
    @Nullable String createdAt,
    @Nullable String updatedAt,
    @Nullable String stateUpdatedAt,
    @Nullable BadgeTemplateDto badgeTemplate) {}
