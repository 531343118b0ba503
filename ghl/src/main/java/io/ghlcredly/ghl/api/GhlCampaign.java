package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * A location's campaign, schema {@code campaignsSchema} of apps/campaigns.json; the rest is
 * ignored.
 */
public record GhlCampaign(
    @Nullable String id,
    @Nullable String name,
    @Nullable String status,
    @Nullable String locationId) {}
