package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Credly organization (credly.md §3).
 *
 * @param workforceEnabled whether the organization has Credly Workforce (employee records)
 * @param allowedWebhooks the event types the organization may subscribe to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationDto(
    String id,
    @Nullable String name,
    @Nullable String websiteUrl,
    @Nullable String webhookUrl,
    @Nullable String contactEmail,
    @Nullable String vanitySlug,
    @Nullable String vanityUrl,
    @Nullable List<String> allowedWebhooks,
    @Nullable Boolean workforceEnabled,
    @Nullable Boolean hasEmployees,
    @Nullable Boolean verified,
    @Nullable String createdAt) {}
