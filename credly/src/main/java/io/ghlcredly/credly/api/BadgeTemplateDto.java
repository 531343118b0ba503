package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/** The badge template as embedded in an issued badge (fields the sync reads). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BadgeTemplateDto(
    String id,
    @Nullable String name,
    @Nullable String state,
    @Nullable Boolean allowDuplicateBadges) {}
