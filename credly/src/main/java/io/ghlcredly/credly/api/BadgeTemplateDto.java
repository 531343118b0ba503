package io.ghlcredly.credly.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * A badge template (credly.md §4), alone or embedded in an issued badge.
 *
 * @param state {@code active}, {@code archived} or {@code draft}; only active templates issue
 * @param isPublic Credly's {@code public}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BadgeTemplateDto(
    String id,
    @Nullable String name,
    @Nullable String state,
    @Nullable Boolean allowDuplicateBadges,
    @Nullable String description,
    @JsonProperty("public") @Nullable Boolean isPublic,
    @Nullable String visibility,
    @Nullable String imageUrl,
    @Nullable String url,
    @Nullable String vanitySlug,
    @Nullable Integer badgesCount,
    @Nullable String createdAt,
    @Nullable String updatedAt) {

  /** The fields the sync reads; the others unknown. */
  public BadgeTemplateDto(
      String id, @Nullable String name, @Nullable String state, @Nullable Boolean allowDuplicates) {
    this(id, name, state, allowDuplicates, null, null, null, null, null, null, null, null, null);
  }
}
