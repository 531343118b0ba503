package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * An organization event ({@code GET /organizations/{org}/events/{id}}, credly.md §6d). Badge events
 * carry the badge, template events the template.
 *
 * @param eventType such as {@code badge.created}, {@code badge.state.changed}, {@code
 *     badge.deleted}, {@code badge_template.changed}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventDto(
    String id,
    String eventType,
    @Nullable String organizationId,
    @Nullable String occurredAt,
    @Nullable IssuedBadgeDto badge,
    @Nullable BadgeTemplateDto badgeTemplate) {}
