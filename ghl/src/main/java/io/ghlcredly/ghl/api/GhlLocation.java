package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * The fields we read of a location (sub-account), schema {@code GetLocationByIdSchema} of
 * apps/locations.json; the rest is ignored.
 */
public record GhlLocation(
    @Nullable String id,
    @Nullable String companyId,
    @Nullable String name,
    @Nullable String timezone) {}
